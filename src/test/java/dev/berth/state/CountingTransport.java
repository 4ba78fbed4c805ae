package dev.berth.state;

import dev.berth.ssh.CommandResult;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.Transport;
import dev.berth.ssh.Tunnel;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A transport that passes everything on and counts the answers of the state scripts by the name each runs under
 * ({@code sh -c SCRIPT NAME ...}, e.g. {@code berth-lock-acquire}), so that a test can wait for a run to have
 * asked the nodes instead of guessing how long that takes.
 */
final class CountingTransport implements Transport {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Transport transport;
    private final Map<String, Integer> answers = new HashMap<>();

    CountingTransport(Transport transport) {
        this.transport = transport;
    }

    /** Waits until {@code script} has answered {@code count} times in all, from any nodes. */
    synchronized void awaitAnswers(String script, int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (answers.getOrDefault(script, 0) < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(script + " answered " + answers.getOrDefault(script, 0) + " times within "
                        + PATIENCE.toSeconds() + "s, expected " + count);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv) {
        return run(node, argv, new byte[0]);
    }

    @Override
    public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv, byte[] stdin) {
        String script = argv.size() > 3 && argv.get(0).equals("sh") ? argv.get(3) : argv.get(0);
        return transport.run(node, argv, stdin).whenComplete((result, error) -> counted(script));
    }

    private synchronized void counted(String script) {
        answers.merge(script, 1, Integer::sum);
        notifyAll();
    }

    @Override
    public CompletableFuture<Void> upload(SshTarget node, byte[] content, String remotePath, int mode) {
        return transport.upload(node, content, remotePath, mode);
    }

    @Override
    public Tunnel tunnel(SshTarget node, int remotePort) {
        return transport.tunnel(node, remotePort);
    }

    @Override
    public void close() {
        transport.close();
    }
}
