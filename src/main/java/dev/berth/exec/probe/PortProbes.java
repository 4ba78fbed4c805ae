package dev.berth.exec.probe;

import dev.berth.model.Probe;
import dev.berth.ssh.CommandResult;
import dev.berth.ssh.ConnectFailure;
import dev.berth.ssh.SshFailure;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.TcpConnection;
import dev.berth.ssh.Transport;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * httpGet and tcpSocket probes of a container's address, reached from its node: over a direct-tcpip channel of
 * the node's session, or, on a node whose sshd forbids TCP forwarding, through bash's {@code /dev/tcp} over an
 * exec channel ({@link BashProbe}). A node found forbidding is remembered for the rest of the run. Every probe
 * ends within its {@code timeoutSeconds}.
 */
final class PortProbes {
    private final Transport transport;
    private final Set<String> forbidding = ConcurrentHashMap.newKeySet();

    PortProbes(Transport transport) {
        this.transport = transport;
    }

    CompletableFuture<ProbeResult> tcp(SshTarget node, String host, int port, int timeoutSeconds) {
        if (forbidding.contains(node.name())) {
            return viaBash(node, BashProbe.tcpArgv(host, port), timeoutSeconds,
                    result -> BashProbe.tcpResult(result, host, port));
        }
        return connected(node, host, port, timeoutSeconds, connection -> {
            connection.close();
            return CompletableFuture.completedFuture(ProbeResult.pass("connected to " + BashProbe.address(host, port)));
        }, () -> tcp(node, host, port, timeoutSeconds), "");
    }

    CompletableFuture<ProbeResult> http(SshTarget node, String host, int port, Probe.HttpGet get, int timeoutSeconds) {
        byte[] request = HttpProbe.request(get, host, port);
        if (forbidding.contains(node.name())) {
            return viaBash(node, BashProbe.httpArgv(host, port, request, timeoutSeconds), timeoutSeconds,
                    result -> BashProbe.httpResult(result, host, port));
        }
        String url = "Get \"http://" + BashProbe.address(host, port) + HttpProbe.path(get.path()) + "\": ";
        return connected(node, host, port, timeoutSeconds, connection -> HttpProbe.exchange(connection, request)
                .whenComplete((result, error) -> connection.close()), () -> http(node, host, port, get, timeoutSeconds), url);
    }

    /**
     * Opens a connection and runs {@code exchange} on it, all within the timeout; a refusal to forward marks the
     * node and runs {@code retry} (which then goes through bash).
     */
    private CompletableFuture<ProbeResult> connected(SshTarget node, String host, int port, int timeoutSeconds,
                                                     Function<TcpConnection, CompletableFuture<ProbeResult>> exchange,
                                                     Supplier<CompletableFuture<ProbeResult>> retry,
                                                     String prefix) {
        CompletableFuture<TcpConnection> connecting = transport.connect(node, host, port);
        CompletableFuture<ProbeResult> probed = connecting.handle((connection, error) -> {
            if (error == null) {
                return exchange.apply(connection);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof ConnectFailure refused && refused.reason() == ConnectFailure.Reason.FORBIDDEN) {
                forbidding.add(node.name());
                return retry.get();
            }
            return CompletableFuture.completedFuture(ProbeResult.fail(prefix + notConnected(cause, host, port)));
        }).thenCompose(Function.identity());
        // past the deadline the connection is closed (also one that opens later), and only then is the probe
        // over: nothing of it is left open once its result is known
        AtomicBoolean expired = new AtomicBoolean();
        CompletableFuture<ProbeResult> bounded = new CompletableFuture<>();
        probed.whenComplete((result, error) -> {
            if (!expired.get()) {
                bounded.complete(error == null ? result : ProbeResult.fail(prefix + error.getMessage()));
            }
        });
        CompletableFuture.delayedExecutor(timeoutSeconds, TimeUnit.SECONDS).execute(() -> {
            if (!bounded.isDone() && expired.compareAndSet(false, true)) {
                connecting.thenAccept(TcpConnection::close);
                bounded.complete(ProbeResult.timedOut(timeoutSeconds));
            }
        });
        return bounded;
    }

    private CompletableFuture<ProbeResult> viaBash(SshTarget node, List<String> argv, int timeoutSeconds,
                                                   Function<CommandResult, ProbeResult> read) {
        SshTarget bounded = node.withTimeouts(node.connectTimeout(), Duration.ofSeconds(timeoutSeconds));
        return transport.run(bounded, argv).handle((result, error) -> {
            if (error != null) {
                return ProbeResult.fail(ProbeRunner.failed(error, timeoutSeconds));
            }
            if (BashProbe.noBash(result)) {
                return ProbeResult.fail(node.name() + " forbids TCP forwarding (AllowTcpForwarding no) and has no"
                        + " bash: httpGet and tcpSocket probes need one of them (AllowTcpForwarding local for berth's"
                        + " SSH user is enough), or use an exec probe");
            }
            return read.apply(result);
        });
    }

    /** Kubernetes' words for a connection that was not made, e.g. {@code dial tcp 172.18.0.5:8080: connect: connection refused}. */
    private static String notConnected(Throwable cause, String host, int port) {
        String dial = "dial tcp " + BashProbe.address(host, port) + ": ";
        if (cause instanceof ConnectFailure failure) {
            if (failure.reason() == ConnectFailure.Reason.REFUSED) {
                return dial + "connect: connection refused";
            }
            String message = failure.getMessage();
            int colon = message.lastIndexOf(": ");
            return dial + "connect: " + (colon < 0 ? message : message.substring(colon + 2));
        }
        if (cause instanceof SshFailure failure) {
            return failure.getMessage();
        }
        return dial + cause.getMessage();
    }
}
