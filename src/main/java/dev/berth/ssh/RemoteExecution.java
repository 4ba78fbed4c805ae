package dev.berth.ssh;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.StreamingChannel;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One command on an exec channel of an open session, driven entirely by MINA's asynchronous streams and
 * futures: no thread waits for it. The command timeout closes the channel and fails the result.
 */
final class RemoteExecution {
    /** Bytes taken per read; small, since a thousand nodes in flight each hold two of these. */
    private static final int READ_CHUNK = 8 * 1024;

    private final String node;
    private final Duration timeout;
    private final CompletableFuture<CommandResult> result = new CompletableFuture<>();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final CompletableFuture<Void> stdoutDone = new CompletableFuture<>();
    private final CompletableFuture<Void> stderrDone = new CompletableFuture<>();
    private final CompletableFuture<Void> channelClosed = new CompletableFuture<>();

    private RemoteExecution(String node, Duration timeout) {
        this.node = node;
        this.timeout = timeout;
    }

    static CompletableFuture<CommandResult> start(ClientSession session, String node, String commandLine,
                                                  byte[] stdin, Duration timeout, ScheduledExecutorService timer) {
        RemoteExecution execution = new RemoteExecution(node, timeout);
        try {
            execution.open(session, commandLine, stdin, timer);
        } catch (IOException | RuntimeException e) {
            execution.result.completeExceptionally(
                    new SshFailure(node, FailureKind.PROTOCOL, node + ": cannot start a command: " + e.getMessage(), e));
        }
        return execution.result;
    }

    private void open(ClientSession session, String commandLine, byte[] stdin, ScheduledExecutorService timer)
            throws IOException {
        ChannelExec channel = session.createExecChannel(commandLine);
        channel.setStreaming(StreamingChannel.Streaming.Async);
        ScheduledFuture<?> deadline = timer.schedule(() -> expire(channel), timeout.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> deadline.cancel(false));
        channel.addCloseFutureListener(closed -> channelClosed.complete(null));
        CompletableFuture.allOf(stdoutDone, stderrDone, channelClosed).thenRun(() -> finish(channel));
        channel.open().addListener(opened -> {
            if (!opened.isOpened()) {
                fail(FailureKind.PROTOCOL, "the server refused a command channel: " + message(opened.getException()));
                channel.close(true);
                return;
            }
            drain(channel.getAsyncOut(), stdout, stdoutDone);
            drain(channel.getAsyncErr(), stderr, stderrDone);
            sendStdin(channel, stdin);
        });
    }

    private void sendStdin(ClientChannel channel, byte[] stdin) {
        try {
            if (stdin.length == 0) {
                channel.getAsyncIn().close(false);
                return;
            }
            channel.getAsyncIn().writeBuffer(new ByteArrayBuffer(stdin)).addListener(written -> {
                if (!written.isWritten()) {
                    fail(FailureKind.PROTOCOL, "cannot send standard input: " + message(written.getException()));
                }
                channel.getAsyncIn().close(false);
            });
        } catch (IOException e) {
            fail(FailureKind.PROTOCOL, "cannot send standard input: " + e.getMessage());
        }
    }

    /** Reads a stream chunk by chunk, each read started by the completion of the previous one. */
    private static void drain(IoInputStream in, ByteArrayOutputStream sink, CompletableFuture<Void> done) {
        drain(in, new ByteArrayBuffer(READ_CHUNK), sink, done);
    }

    private static void drain(IoInputStream in, Buffer buffer, ByteArrayOutputStream sink,
                              CompletableFuture<Void> done) {
        buffer.clear(false);
        in.read(buffer).addListener(read -> {
            if (read.getException() != null || read.getRead() < 0) {
                done.complete(null);
                return;
            }
            Buffer chunk = read.getBuffer();
            synchronized (sink) {
                sink.write(chunk.array(), chunk.rpos(), chunk.available());
            }
            drain(in, buffer, sink, done);
        });
    }

    private void finish(ClientChannel channel) {
        Integer status = channel.getExitStatus();
        String signal = channel.getExitSignal();
        int exitCode = status != null ? status : signal != null ? 128 + Signals.number(signal) : -1;
        result.complete(new CommandResult(exitCode, stdout.toByteArray(), stderr.toByteArray()));
    }

    private void expire(ClientChannel channel) {
        if (fail(FailureKind.TIMEOUT, "command did not finish within " + seconds(timeout))) {
            channel.close(true);
        }
    }

    private boolean fail(FailureKind kind, String reason) {
        return result.completeExceptionally(new SshFailure(node, kind, node + ": " + reason));
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static String message(Throwable error) {
        return error == null ? "no reason given" : error.getMessage();
    }
}
