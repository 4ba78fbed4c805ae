package dev.berth.model;

/**
 * The labels berth puts on every container it creates. Together they make observed state fully
 * recoverable from the servers: which object a container belongs to, in which namespace, at which
 * revision and with which spec. Containers without {@link #MANAGED} are never touched.
 */
public final class BerthLabels {
    public static final String PREFIX = "berth.dev/";
    public static final String MANAGED = PREFIX + "managed";
    public static final String NAMESPACE = PREFIX + "namespace";
    public static final String DEPLOYMENT = PREFIX + "deployment";
    public static final String REVISION = PREFIX + "revision";
    public static final String SPEC_HASH = PREFIX + "spec-hash";
    public static final String REPLICA = PREFIX + "replica";
    /** The replica (pod) a container belongs to; all containers of one pod share it. */
    public static final String POD = PREFIX + "pod";
    /** The container's name within its pod. */
    public static final String CONTAINER = PREFIX + "container";
    /** What the container requests, in CPU millis and memory bytes, so placement can be recomputed from servers. */
    public static final String CPU_REQUEST = PREFIX + "cpu-request";
    public static final String MEMORY_REQUEST = PREFIX + "memory-request";

    private BerthLabels() {
    }
}
