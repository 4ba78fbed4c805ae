package dev.berth.state;

import dev.berth.error.ClusterException;

/** Another run wrote the cluster's record after this run read it (exit 3). */
public final class StateConflictException extends ClusterException {
    StateConflictException(String message) {
        super(message);
    }
}
