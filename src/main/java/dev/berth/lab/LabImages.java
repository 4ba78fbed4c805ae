package dev.berth.lab;

import java.util.List;

/** The images a lab is made of, all built on this machine from Debian packages (nothing is pulled). */
public final class LabImages {
    /** A lab node: Debian bookworm with sshd, user berth (group docker) and its own Docker engine. */
    public static final String NODE = "berth-lab-node:1";
    /** The lab registry: Debian's docker-registry, plain HTTP. */
    public static final String REGISTRY = "berth-lab-registry:1";
    /** Small application images pushed into every lab registry for trying berth and for its tests. */
    public static final List<String> APPS = List.of("berth-hello:v1", "berth-hello:v2", "berth-hello:broken",
            LabImages.EDGE);
    /** nginx with its stream module: the lab's edge and Service proxies. */
    public static final String EDGE = "berth-edge:2";

    /**
     * The registry as nodes see it, on every lab network (a network alias of the lab's registry
     * container). Image references in manifests use it, e.g. {@code berth-registry:5000/berth-hello:v1}.
     */
    public static final String REGISTRY_SERVER = "berth-registry:5000";
    static final String REGISTRY_ALIAS = "berth-registry";

    private LabImages() {
    }
}
