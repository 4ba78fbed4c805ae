package dev.berth.error;

/**
 * A failure a user can act on: one readable line and the exit code it maps to.
 * Everything that is not a BerthException is treated as an internal error.
 */
public class BerthException extends RuntimeException {
    private final ExitCode exitCode;

    public BerthException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public BerthException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
