package dev.berth.error;

/** The exit codes berth promises to scripts; documented in the man pages. */
public enum ExitCode {
    /** Success, or the cluster is in sync. */
    OK(0),
    /** Differences found ({@code diff}, {@code reconcile --check}). */
    DIFFERENCES(1),
    /** Invalid input or usage; nothing was touched. */
    INVALID_INPUT(2),
    /** The cluster did not reach the desired state: unreachable nodes, failed rollout, lock held. */
    NOT_CONVERGED(3),
    /** A defect in berth itself. */
    INTERNAL(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
