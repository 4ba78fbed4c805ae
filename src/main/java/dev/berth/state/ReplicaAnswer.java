package dev.berth.state;

/** What one state node said when asked for its copy of the record. */
sealed interface ReplicaAnswer {

    String node();

    /** The node holds a readable copy. */
    record Found(String node, StateRecord record) implements ReplicaAnswer {
    }

    /** The node answered and holds no copy: a new state node, or a cluster never written to. */
    record Missing(String node) implements ReplicaAnswer {
    }

    /** The node could not be asked, or its copy cannot be read. */
    record Failed(String node, String message) implements ReplicaAnswer {
    }
}
