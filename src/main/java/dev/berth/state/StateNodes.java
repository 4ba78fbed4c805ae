package dev.berth.state;

import dev.berth.model.Cluster;

import java.util.List;

/** Which nodes hold the cluster's record and lock. */
public final class StateNodes {
    /** How many nodes hold state when the inventory names none: survives the loss of one. */
    public static final int DEFAULT_COUNT = 3;

    private StateNodes() {
    }

    /**
     * The nodes named in {@code spec.stateNodes}, else the first {@value #DEFAULT_COUNT} nodes in inventory
     * order (all of them in a smaller cluster).
     */
    public static List<String> of(Cluster cluster) {
        if (!cluster.spec().stateNodes().isEmpty()) {
            return cluster.spec().stateNodes();
        }
        return cluster.spec().nodes().stream().limit(DEFAULT_COUNT).map(Cluster.Node::name).toList();
    }
}
