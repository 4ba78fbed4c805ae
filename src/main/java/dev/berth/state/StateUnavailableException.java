package dev.berth.state;

import dev.berth.error.ClusterException;

import java.util.List;

/** Too few state nodes answered to read or write the cluster's record (exit 3). */
public final class StateUnavailableException extends ClusterException {

    private StateUnavailableException(String message) {
        super(message);
    }

    /** E.g. {@code cannot read the cluster state: 2 of 3 state nodes failed (2 must answer): node-2 (...): ...}. */
    static StateUnavailableException of(String operation, List<String> failures, int stateNodes, int needed) {
        return new StateUnavailableException("cannot " + operation + " the cluster state: " + failures.size()
                + " of " + stateNodes + " state nodes failed (" + needed + " must answer): "
                + String.join("; ", failures));
    }
}
