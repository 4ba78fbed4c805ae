package dev.berth.lab;

import java.util.List;

/**
 * What runs of a lab, as {@code lab status} shows it.
 *
 * @param subnet    the lab network's subnet, null when the lab does not exist
 * @param registry  null when the lab has no registry container
 * @param inventory the cluster inventory file, null when there is none
 */
public record LabStatus(String name, String subnet, RegistryStatus registry, List<NodeStatus> nodes,
                        String inventory) {

    public LabStatus {
        nodes = List.copyOf(nodes);
    }

    public boolean exists() {
        return registry != null || !nodes.isEmpty();
    }

    /** One node. {@code status} is Ready, NotReady, Partitioned or Stopped; {@code docker} its engine's version. */
    public record NodeStatus(String name, String container, String status, String address, List<String> roles,
                             String docker) {
        public NodeStatus {
            roles = List.copyOf(roles);
        }

        public boolean ready() {
            return status.equals(READY);
        }
    }

    /**
     * The registry: {@code server} as nodes and manifests name it, {@code pushAddress} where this
     * machine pushes to it, {@code status} Running or Stopped.
     */
    public record RegistryStatus(String server, String pushAddress, String status) {
    }

    public static final String READY = "Ready";
    public static final String NOT_READY = "NotReady";
    public static final String PARTITIONED = "Partitioned";
    public static final String STOPPED = "Stopped";
}
