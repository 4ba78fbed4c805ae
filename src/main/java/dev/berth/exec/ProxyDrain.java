package dev.berth.exec;

import dev.berth.docker.ProxyCommands;
import dev.berth.plan.Action;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The wait between a proxy's reload and the removal of the replicas it let go: nginx's workers of the
 * configuration before keep the requests and connections they carry until these end, so once no proxy has such
 * a worker left, no request to a leaving replica is under way and it may stop. The wait has a limit (a
 * WebSocket may never end), counted in the pauses it made, not by the clock.
 */
final class ProxyDrain {
    /** How often the proxies are asked whether their old workers are gone. */
    static final Duration POLL = Duration.ofMillis(250);

    private final ClusterAccess access;
    private final Pause pause;
    private final Duration limit;

    ProxyDrain(ClusterAccess access, Pause pause, Duration limit) {
        this.access = access;
        this.pause = pause;
        this.limit = limit;
    }

    /** Waits until none of the {@code reloaded} proxies has a worker shutting down, at most the limit. */
    void await(List<Action.ConfigureProxy> reloaded) {
        Duration waited = Duration.ZERO;
        while (!reloaded.isEmpty() && waited.compareTo(limit) < 0 && oldWorkersLeft(reloaded)) {
            try {
                pause.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replicas drained", e);
            }
            waited = waited.plus(POLL);
        }
    }

    /** Whether any of the proxies still has a worker shutting down; a proxy that cannot say has none. */
    private boolean oldWorkersLeft(List<Action.ConfigureProxy> proxies) {
        List<CompletableFuture<Boolean>> answers = proxies.stream().map(proxy -> access.transport()
                .run(access.node(proxy.node()), ProxyCommands.oldWorkers(proxy.container()))
                .handle((result, error) -> error == null && result.succeeded()
                        && !result.stdoutText().strip().matches("0?"))).toList();
        return answers.stream().map(CompletableFuture::join).anyMatch(Boolean::booleanValue);
    }
}
