package dev.berth.ssh;

import dev.berth.shell.ShellQuote;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * A transport that tells of every remote operation once it ends, as {@code kubectl -v=6} tells of every request:
 * the node, the argv (quoted as a shell would read it, long words cut), the exit code or the failure, and how
 * long it took. Standard input and uploaded content are never shown, only their size: they may hold Secrets,
 * which never travel on a command line.
 */
public final class TracingTransport implements Transport {
    /** Words longer than this (scripts sent with {@code sh -c}) are cut in the trace. */
    static final int LONGEST_WORD = 200;

    private final Transport inner;
    private final Consumer<String> trace;
    private final LongSupplier nanoTime;

    public TracingTransport(Transport inner, Consumer<String> trace) {
        this(inner, trace, System::nanoTime);
    }

    TracingTransport(Transport inner, Consumer<String> trace, LongSupplier nanoTime) {
        this.inner = inner;
        this.trace = trace;
        this.nanoTime = nanoTime;
    }

    @Override
    public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv) {
        long start = nanoTime.getAsLong();
        return inner.run(node, argv).whenComplete((result, failure) ->
                trace.accept(line(node, "run " + words(argv), start, result, failure)));
    }

    @Override
    public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv, byte[] stdin) {
        long start = nanoTime.getAsLong();
        return inner.run(node, argv, stdin).whenComplete((result, failure) ->
                trace.accept(line(node, "run " + words(argv) + (stdin.length == 0 ? ""
                        : " <" + stdin.length + " bytes on stdin>"), start, result, failure)));
    }

    @Override
    public CompletableFuture<Void> upload(SshTarget node, byte[] content, String remotePath, int mode) {
        long start = nanoTime.getAsLong();
        return inner.upload(node, content, remotePath, mode).whenComplete((done, failure) ->
                trace.accept(line(node, "upload " + content.length + " bytes to " + remotePath + " (mode "
                        + Integer.toOctalString(mode) + ")", start, null, failure)));
    }

    @Override
    public CompletableFuture<TcpConnection> connect(SshTarget node, String host, int port) {
        long start = nanoTime.getAsLong();
        return inner.connect(node, host, port).whenComplete((connection, failure) ->
                trace.accept(line(node, "connect " + host + ":" + port, start, null, failure)));
    }

    /** A streamed command is told of when it starts running, and again when it ends with its exit code. */
    @Override
    public CompletableFuture<StreamedCommand> stream(SshTarget node, List<String> argv, OutputSink sink,
                                                     StreamOptions options) {
        long start = nanoTime.getAsLong();
        return inner.stream(node, argv, sink, options).whenComplete((streamed, failure) -> {
            trace.accept(line(node, "stream " + words(argv), start, null, failure).replace("(done,", "(started,"));
            if (streamed != null) {
                streamed.exit().whenComplete((code, ended) -> trace.accept(line(node, "stream " + words(argv)
                        + " ended", start, code == null ? null : new CommandResult(code, new byte[0], new byte[0]),
                        ended)));
            }
        });
    }

    @Override
    public Tunnel tunnel(SshTarget node, int remotePort) {
        trace.accept(node.name() + ": tunnel to port " + remotePort + " on its loopback");
        return inner.tunnel(node, remotePort);
    }

    @Override
    public void close() {
        inner.close();
    }

    private String line(SshTarget node, String what, long start, CommandResult result, Throwable failure) {
        long millis = (nanoTime.getAsLong() - start) / 1_000_000;
        String outcome = failure != null ? "failed: " + message(failure)
                : result == null ? "done" : "exit " + result.exitCode();
        return node.name() + ": " + what + " (" + outcome + ", " + millis + " ms)";
    }

    private static String message(Throwable failure) {
        Throwable cause = failure.getCause() != null && failure.getMessage() != null
                && failure.getMessage().startsWith(failure.getCause().getClass().getName()) ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** The argv on one line: each word bare or quoted, a line break shown as {@code \n}, a long word cut. */
    static String words(List<String> argv) {
        return argv.stream().map(word -> word.replace("\n", "\\n"))
                .map(word -> word.length() <= LONGEST_WORD ? word
                        : word.substring(0, LONGEST_WORD) + "...(" + (word.length() - LONGEST_WORD) + " more)")
                .map(ShellQuote::quoteIfNeeded).collect(Collectors.joining(" "));
    }
}
