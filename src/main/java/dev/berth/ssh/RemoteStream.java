package dev.berth.ssh;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.StreamingChannel;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A {@link StreamedCommand} on an exec channel of an open session, optionally with a pseudo-terminal. Output
 * is read chunk by chunk with MINA's asynchronous streams, each read started when the sink took the previous
 * chunk, so a slow reader slows the server through the channel's window instead of filling memory.
 */
final class RemoteStream implements StreamedCommand {
    private static final int READ_CHUNK = 8 * 1024;

    private final String node;
    private final ChannelExec channel;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final CompletableFuture<Void> stdoutDone = new CompletableFuture<>();
    private final CompletableFuture<Void> stderrDone = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean cancelled;

    private RemoteStream(String node, ChannelExec channel) {
        this.node = node;
        this.channel = channel;
    }

    /** Opens the channel; the future completes once the command runs, or fails when it could not be started. */
    static CompletableFuture<StreamedCommand> start(ClientSession session, String node, String commandLine,
                                                    OutputSink sink, StreamOptions options) {
        CompletableFuture<StreamedCommand> started = new CompletableFuture<>();
        try {
            ChannelExec channel = session.createExecChannel(commandLine);
            channel.setStreaming(StreamingChannel.Streaming.Async);
            options.pty().ifPresent(pty -> {
                channel.setUsePty(true);
                channel.setPtyType(pty.type());
                channel.setPtyColumns(pty.columns());
                channel.setPtyLines(pty.rows());
            });
            RemoteStream stream = new RemoteStream(node, channel);
            channel.addCloseFutureListener(future -> stream.closed.complete(null));
            CompletableFuture.allOf(stream.stdoutDone, stream.stderrDone, stream.closed).thenRun(stream::finish);
            channel.open().addListener(opened -> {
                if (!opened.isOpened()) {
                    started.completeExceptionally(new SshFailure(node, FailureKind.PROTOCOL, node
                            + ": the server refused a command channel: " + message(opened.getException())));
                    channel.close(true);
                    return;
                }
                drain(channel.getAsyncOut(), new ByteArrayBuffer(READ_CHUNK), sink::stdout, stream.stdoutDone);
                drain(channel.getAsyncErr(), new ByteArrayBuffer(READ_CHUNK), sink::stderr, stream.stderrDone);
                if (!options.input()) {
                    stream.endInput();
                }
                started.complete(stream);
            });
        } catch (IOException | RuntimeException e) {
            started.completeExceptionally(new SshFailure(node, FailureKind.PROTOCOL,
                    node + ": cannot start a command: " + e.getMessage(), e));
        }
        return started;
    }

    private static void drain(IoInputStream in, Buffer buffer, Consumer<byte[]> sink, CompletableFuture<Void> done) {
        buffer.clear(false);
        in.read(buffer).addListener(read -> {
            if (read.getException() != null || read.getRead() < 0) {
                done.complete(null);
                return;
            }
            Buffer chunk = read.getBuffer();
            try {
                sink.accept(Arrays.copyOfRange(chunk.array(), chunk.rpos(), chunk.rpos() + chunk.available()));
            } catch (RuntimeException e) {
                done.complete(null);
                return;
            }
            drain(in, buffer, sink, done);
        });
    }

    private void finish() {
        Integer status = channel.getExitStatus();
        String signal = channel.getExitSignal();
        if (status == null && signal == null && !cancelled) {
            exit.completeExceptionally(new SshFailure(node, FailureKind.UNREACHABLE,
                    node + ": the connection ended before the command did"));
            return;
        }
        exit.complete(status != null ? status : signal != null ? 128 + Signals.number(signal) : -1);
    }

    @Override
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    @Override
    public void send(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return;
        }
        IoWriteFuture written = channel.getAsyncIn().writeBuffer(new ByteArrayBuffer(bytes));
        written.await();
        if (!written.isWritten()) {
            throw new IOException(node + ": cannot send standard input: " + message(written.getException()));
        }
    }

    @Override
    public void endInput() {
        channel.getAsyncIn().close(false);
    }

    @Override
    public void resize(int columns, int rows) {
        if (!channel.isUsePty()) {
            return;
        }
        try {
            channel.sendWindowChange(columns, rows);
        } catch (IOException e) {
            // the channel is closing; the command's end reports what happened
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        channel.close(true);
    }

    private static String message(Throwable error) {
        return error == null ? "no reason given" : error.getMessage();
    }
}
