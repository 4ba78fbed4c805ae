package dev.berth.ssh;

import dev.berth.error.ClusterException;

/**
 * A node did not answer, in one line a user can act on, e.g.
 * {@code node-2 (10.0.0.12:22): connection refused}. Exit code 3.
 */
public class SshFailure extends ClusterException {
    private final String node;
    private final FailureKind kind;

    public SshFailure(String node, FailureKind kind, String message) {
        super(message);
        this.node = node;
        this.kind = kind;
    }

    public SshFailure(String node, FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.node = node;
        this.kind = kind;
    }

    public String node() {
        return node;
    }

    public FailureKind kind() {
        return kind;
    }
}
