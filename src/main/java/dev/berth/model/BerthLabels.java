package dev.berth.model;

/**
 * The labels berth puts on every container it creates. Together they make observed state fully
 * recoverable from the servers: which object a container belongs to, in which namespace, at which
 * revision and with which spec, and what it asked of its node. Containers without {@link #MANAGED} are
 * never touched.
 */
public final class BerthLabels {
    public static final String PREFIX = "berth.dev/";
    public static final String MANAGED = PREFIX + "managed";
    public static final String NAMESPACE = PREFIX + "namespace";
    public static final String DEPLOYMENT = PREFIX + "deployment";
    public static final String REVISION = PREFIX + "revision";
    public static final String SPEC_HASH = PREFIX + "spec-hash";
    /** The replica a container belongs to: every container of one replica carries the same pod name. */
    public static final String POD = PREFIX + "pod";
    /** The container's name in the pod template. */
    public static final String CONTAINER = PREFIX + "container";
    /** What the container requested for placement: CPU in thousandths of a core. */
    public static final String CPU_REQUEST = PREFIX + "cpu-request";
    /** What the container requested for placement: memory in bytes. */
    public static final String MEMORY_REQUEST = PREFIX + "memory-request";
    /**
     * The container's readiness, liveness and startup probes as compact JSON (named ports resolved to numbers),
     * so that any later run can probe the container by its own rules without the desired state.
     */
    public static final String PROBES = PREFIX + "probes";
    /**
     * The replica's named container ports ({@link PortNames}), on every container of the replica, so that a
     * Service's {@code targetPort} by name resolves on the replica itself.
     */
    public static final String PORTS = PREFIX + "ports";
    /**
     * On berth's own nginx containers: {@value #EDGE_PROXY} for the edge, {@value #SERVICE_PROXY} for a Service's
     * proxy. They are no replicas: the planner and every listing of pods leave them out.
     */
    public static final String PROXY = PREFIX + "proxy";
    public static final String EDGE_PROXY = "edge";
    public static final String SERVICE_PROXY = "service";
    /** The Service ({@code namespace/name}) a Service proxy forwards to. */
    public static final String SERVICE = PREFIX + "service";
    /** A hash of how a proxy container was started (image, network, aliases, ports): changed, it is replaced. */
    public static final String PROXY_SPEC = PREFIX + "proxy-spec";
    /** A node label every node has, holding the node's name, for {@code nodeSelector}. */
    public static final String HOSTNAME = PREFIX + "hostname";

    private BerthLabels() {
    }
}
