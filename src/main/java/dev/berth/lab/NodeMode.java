package dev.berth.lab;

import java.util.List;

/**
 * How a node container is given the rights to run its own Docker engine. {@code --privileged} where
 * the host allows it; where it does not (a host whose capability bounding set lacks some capability
 * makes {@code --privileged} fail at start) every capability but SYS_RESOURCE, no confinement, and
 * access to every device.
 */
public enum NodeMode {
    PRIVILEGED(List.of("--privileged")),
    CAPABILITIES(List.of("--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE",
            "--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined",
            "--security-opt", "systempaths=unconfined", "--device-cgroup-rule", "a *:* rwm"));

    private final List<String> flags;

    NodeMode(List<String> flags) {
        this.flags = flags;
    }

    public List<String> flags() {
        return flags;
    }
}
