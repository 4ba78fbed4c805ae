package dev.berth.exec;

import dev.berth.model.Cluster;
import dev.berth.model.ContainerUsage;
import dev.berth.model.NodeSnapshot;

import java.util.List;

/**
 * One node as one run saw it.
 *
 * @param snapshot what the node reported, or {@code null} when it could not be asked or its engine failed
 * @param status   READY, NOT_READY (SSH works, Docker does not) or UNREACHABLE (SSH failed)
 * @param reason   why the node is not ready, in one line; empty when ready
 * @param usage    live usage of the node's running containers, when it was asked for
 */
public record NodeObservation(Cluster.Node node, NodeStatus status, NodeSnapshot snapshot, String reason,
                              List<ContainerUsage> usage) {

    public NodeObservation {
        usage = List.copyOf(usage);
    }

    public NodeObservation(Cluster.Node node, NodeStatus status, NodeSnapshot snapshot, String reason) {
        this(node, status, snapshot, reason, List.of());
    }

    /** How a node answered. */
    public enum NodeStatus {
        READY("Ready"), NOT_READY("NotReady"), UNREACHABLE("Unreachable");

        private final String display;

        NodeStatus(String display) {
            this.display = display;
        }

        public String display() {
            return display;
        }
    }

    public boolean ready() {
        return status == NodeStatus.READY;
    }
}
