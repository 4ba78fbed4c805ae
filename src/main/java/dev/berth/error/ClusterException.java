package dev.berth.error;

/** The cluster did not reach the desired state (exit 3): unreachable node, failed rollout, lock held. */
public class ClusterException extends BerthException {
    public ClusterException(String message) {
        super(ExitCode.NOT_CONVERGED, message);
    }

    public ClusterException(String message, Throwable cause) {
        super(ExitCode.NOT_CONVERGED, message, cause);
    }
}
