package dev.berth.error;

/** The exit codes berth promises to scripts; documented in the man pages. */
public enum ExitCode {
    /** Success, or the cluster is in sync. */
    OK(0, "success, or the cluster is in sync"),
    /** Differences found ({@code diff}, {@code reconcile --check}). */
    DIFFERENCES(1, "differences found (diff, reconcile --check)"),
    /** Invalid input or usage; nothing was touched. */
    INVALID_INPUT(2, "invalid input or usage; nothing was touched"),
    /** The cluster did not reach the desired state: unreachable nodes, failed rollout, lock held. */
    NOT_CONVERGED(3, "the cluster did not reach the desired state (unreachable nodes, failed rollout, lock held)"),
    /** A defect in berth itself. */
    INTERNAL(4, "internal error in berth");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** What the code tells a script, as printed in {@code --help} and the man page. */
    public String meaning() {
        return meaning;
    }

    public int code() {
        return code;
    }
}
