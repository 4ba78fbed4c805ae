package dev.berth.ssh;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A {@link StreamedCommand} for transports that only run commands to their end (test doubles): the command runs
 * once its input ended, with all of it, and its whole output reaches the sink in one chunk per stream.
 */
final class CollectedStream implements StreamedCommand {
    private final Transport transport;
    private final SshTarget node;
    private final List<String> argv;
    private final OutputSink sink;
    private final ByteArrayOutputStream input = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    CollectedStream(Transport transport, SshTarget node, List<String> argv, OutputSink sink) {
        this.transport = transport;
        this.node = node;
        this.argv = List.copyOf(argv);
        this.sink = sink;
    }

    @Override
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    @Override
    public synchronized void send(byte[] bytes) {
        input.writeBytes(bytes);
    }

    @Override
    public synchronized void endInput() {
        if (exit.isDone()) {
            return;
        }
        transport.run(node, argv, input.toByteArray()).whenComplete((result, failure) -> {
            if (failure != null) {
                exit.completeExceptionally(failure instanceof CompletionException wrapped
                        && wrapped.getCause() != null ? wrapped.getCause() : failure);
                return;
            }
            if (result.stdout().length > 0) {
                sink.stdout(result.stdout());
            }
            if (result.stderr().length > 0) {
                sink.stderr(result.stderr());
            }
            exit.complete(result.exitCode());
        });
    }

    @Override
    public void resize(int columns, int rows) {
    }

    @Override
    public void cancel() {
        exit.complete(-1);
    }
}
