package dev.berth.ssh;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * A command running on a node whose output goes to an {@link OutputSink} as it arrives, for as long as it runs:
 * no command timeout applies. Its standard input is the caller's to send and to end.
 */
public interface StreamedCommand {

    /**
     * Completes with the remote exit status (128 + n for a signal, -1 when the server said neither) once the
     * command ended and all its output reached the sink; fails with {@link SshFailure} when the session broke.
     */
    CompletableFuture<Integer> exit();

    /** Sends bytes to the command's standard input; returns once the channel took them. */
    void send(byte[] bytes) throws IOException;

    /** Ends the command's standard input, as EOF on a pipe. */
    void endInput();

    /** Tells the command's terminal its new size; nothing when it has none. */
    void resize(int columns, int rows);

    /** Closes the channel: the command loses its output and ends; {@link #exit()} completes. */
    void cancel();
}
