package dev.berth.state;

/** What one state node said to a write. */
sealed interface WriteAnswer {

    String node();

    /** The node now holds the new record. */
    record Written(String node) implements WriteAnswer {
    }

    /** The node holds a newer generation than the write was based on, and kept it. */
    record Refused(String node, long generation) implements WriteAnswer {
    }

    /** The node could not be asked, or could not write. */
    record Failed(String node, String message) implements WriteAnswer {
    }
}
