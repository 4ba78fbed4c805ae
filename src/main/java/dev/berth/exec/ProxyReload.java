package dev.berth.exec;

import dev.berth.docker.NodeCommands;
import dev.berth.docker.NodeProbe;
import dev.berth.docker.ProxyCommands;
import dev.berth.plan.Action;
import dev.berth.proxy.ConfigFile;
import dev.berth.proxy.NginxConfig;
import dev.berth.ssh.CommandResult;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.Transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The reload protocol of one of berth's nginx containers (docs/adr/0010-services.md), on one node, through the
 * run's session: write the configuration's files and the candidate beside the live configuration; {@code nginx
 * -t} it in the proxy's image; switch it in by a rename; reload (or, for a proxy not running yet, start it); ask
 * the running nginx for its hash until it answers the new one. When nginx refuses the candidate nothing was
 * switched; when the reload or the start does not take, the previous configuration is switched back and loaded
 * again (a container that never served is removed). Either way the step fails with nginx's own words. Once
 * verified, the hash is recorded beside the configuration, for the next run's plan and {@code berth edge status}.
 */
final class ProxyReload {
    /** How long a reloaded or started nginx has to answer the new hash. */
    static final Duration VERIFY = Duration.ofSeconds(30);
    private static final long RETRY_MILLIS = 250;

    private final Transport transport;
    private final Duration verify;

    ProxyReload(Transport transport, Duration verify) {
        this.transport = transport;
        this.verify = verify;
    }

    CompletableFuture<String> apply(SshTarget node, Action.ConfigureProxy proxy) {
        NginxConfig config = proxy.config();
        String directory = proxy.directory();
        CompletableFuture<Void> written = command(node, NodeCommands.prepareDirectory(directory)).thenApply(r -> null);
        for (ConfigFile file : config.files()) {
            String path = directory + "/" + file.path();
            written = written.thenCompose(done -> command(node, NodeCommands.prepareDirectory(parent(path))))
                    .thenCompose(done -> transport.upload(node, file.content(), path, file.mode()));
        }
        return written.thenCompose(done -> transport.upload(node, config.text().getBytes(StandardCharsets.UTF_8),
                        directory + "/" + ProxyCommands.CANDIDATE, 0644))
                .thenCompose(done -> transport.run(node, proxy.running()
                        ? ProxyCommands.test(proxy.container(), proxy.mountedAt())
                        : ProxyCommands.testInImage(proxy.image(), directory, proxy.mountedAt())))
                .thenCompose(test -> test.succeeded() ? CompletableFuture.completedFuture(null)
                        : transport.run(node, ProxyCommands.discardCandidate(directory)).thenApply(ignored -> {
                            throw new PlanExecutor.StepFailure("nginx -t refused the configuration: "
                                    + NginxMessages.reason(test));
                        }))
                .thenCompose(done -> command(node, ProxyCommands.switchToCandidate(directory)))
                .thenCompose(done -> load(node, proxy)
                        .thenCompose(loaded -> verified(node, proxy))
                        .exceptionallyCompose(error -> switchBack(node, proxy, error)))
                .thenCompose(done -> transport.upload(node, config.hash().getBytes(StandardCharsets.UTF_8),
                        directory + "/" + NodeProbe.LOADED, 0644))
                .thenApply(done -> "serves " + config.hash().substring(0, 12)
                        + config.notes().stream().map(note -> "; " + note).reduce("", String::concat));
    }

    /** Reloads a running proxy, or starts it (in place of a container started otherwise). */
    private CompletableFuture<CommandResult> load(SshTarget node, Action.ConfigureProxy proxy) {
        if (proxy.running()) {
            return command(node, ProxyCommands.reload(proxy.container(), proxy.mountedAt()));
        }
        CompletableFuture<CommandResult> ready = proxy.replace() == null
                ? CompletableFuture.completedFuture(null)
                : command(node, NodeCommands.removeContainer(proxy.replace()));
        if (proxy.network() != null) {
            ready = ready.thenCompose(done -> command(node, NodeCommands.ensureNetwork(proxy.network())));
        }
        return ready.thenCompose(done -> command(node, proxy.start()));
    }

    /** Asks the proxy's hash listener until it answers this configuration's hash, or the time is up. */
    private CompletableFuture<Void> verified(SshTarget node, Action.ConfigureProxy proxy) {
        CompletableFuture<String> host = proxy.network() == null ? CompletableFuture.completedFuture("127.0.0.1")
                : command(node, ProxyCommands.address(proxy.container(), proxy.network()))
                .thenApply(result -> result.stdoutText().strip());
        long deadline = System.nanoTime() + verify.toNanos();
        return host.thenCompose(address -> poll(node, address, proxy, deadline));
    }

    private CompletableFuture<Void> poll(SshTarget node, String address, Action.ConfigureProxy proxy, long deadline) {
        String hash = proxy.config().hash();
        return ConfigHashProbe.ask(transport, node, address, proxy.config().hashPort())
                .handle((answer, error) -> error == null && hash.equals(answer))
                .thenCompose(served -> {
                    if (served) {
                        return CompletableFuture.completedFuture(null);
                    }
                    if (System.nanoTime() >= deadline) {
                        return transport.run(node, ProxyCommands.lastLog(proxy.container())).handle((log, e) -> {
                            String said = e == null ? NginxMessages.lastComplaint(log) : "";
                            throw new PlanExecutor.StepFailure("nginx did not serve the new configuration within "
                                    + verify.toSeconds() + "s" + (said.isEmpty() ? "" : ": " + said));
                        });
                    }
                    return CompletableFuture.supplyAsync(() -> null,
                                    CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> poll(node, address, proxy, deadline));
                });
    }

    /** After a failed load: the previous configuration back in place and loaded, then the failure passed on. */
    private CompletableFuture<Void> switchBack(SshTarget node, Action.ConfigureProxy proxy, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        CompletableFuture<CommandResult> back = transport.run(node, ProxyCommands.switchBack(proxy.directory()));
        CompletableFuture<CommandResult> restored = proxy.running()
                ? back.thenCompose(done -> transport.run(node, ProxyCommands.reload(proxy.container(),
                proxy.mountedAt())))
                : back.thenCompose(done -> transport.run(node, List.of("docker", "rm", "--force", proxy.container())));
        return restored.handle((done, ignored) -> {
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        });
    }

    private CompletableFuture<CommandResult> command(SshTarget node, List<String> argv) {
        return transport.run(node, argv).thenApply(result -> {
            if (!result.succeeded()) {
                throw new PlanExecutor.StepFailure(String.join(" ", argv.subList(0, Math.min(2, argv.size())))
                        + ": exit " + result.exitCode() + ": " + NginxMessages.reason(result));
            }
            return result;
        });
    }

    private static String parent(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }
}
