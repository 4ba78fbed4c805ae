package dev.berth.exec;

import dev.berth.docker.ProxyCommands;
import dev.berth.plan.Action;
import dev.berth.proxy.NginxConfig;
import dev.berth.ssh.CommandResult;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.Transport;
import dev.berth.ssh.Tunnel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The wait for the proxies' old workers, over a transport that plays their answers. */
class ProxyDrainTest {
    private final Map<String, Deque<String>> answers = new HashMap<>();
    private final List<String> asked = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> pauses = new ArrayList<>();

    private static Action.ConfigureProxy proxy(String node, String container, boolean running) {
        return new Action.ConfigureProxy(node, container, "/home/berth/.berth/proxies/" + container, "/etc/berth",
                "nginx:1.27", List.of("docker", "run", container), null, running, null,
                new NginxConfig("events {}\n", "aaaa11111111", 10254, List.of(), List.of()), "replicas leaving");
    }

    private void answers(String container, String... counts) {
        answers.put(container, new ArrayDeque<>(List.of(counts)));
    }

    private void await(Duration limit, Action.ConfigureProxy... reloaded) {
        new ProxyDrain(TwoNodes.over(new Workers()), pauses::add, limit).await(List.of(reloaded));
    }

    @Test
    void waitsUntilNoProxyHasAWorkerShuttingDown() {
        answers("berth-edge", "2", "1", "0");
        answers("berth-svc.default.web", "1", "0", "0");

        await(Duration.ofSeconds(30), proxy("node-1", "berth-edge", true), proxy("node-2", "berth-svc.default.web",
                true));

        assertThat(pauses).hasSize(2).containsOnly(ProxyDrain.POLL);
        assertThat(asked).filteredOn(line -> line.startsWith("node-1: berth-edge")).hasSize(3);
        assertThat(asked).filteredOn(line -> line.startsWith("node-2: berth-svc.default.web")).hasSize(3);
    }

    @Test
    void noOldWorkersMeansNoWait() {
        answers("berth-edge", "0");

        await(Duration.ofSeconds(30), proxy("node-1", "berth-edge", true));

        assertThat(pauses).isEmpty();
    }

    @Test
    void aConnectionThatNeverEndsIsWaitedForOnlyUpToTheLimit() {
        answers("berth-edge", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1");

        await(Duration.ofSeconds(1), proxy("node-1", "berth-edge", true));

        assertThat(pauses).hasSize(4);
    }

    @Test
    void aProxyThatCannotSayCountsAsDrained() {
        answers("berth-edge", "garbage-but-exit-1");

        await(Duration.ofSeconds(30), proxy("node-1", "berth-edge", true));

        assertThat(pauses).isEmpty();
    }

    @Test
    void theQuestionIsAskedOnTheProxysNodeWithTheProxysName() {
        assertThat(ProxyCommands.oldWorkers("berth-edge")).startsWith("sh", "-c").endsWith("sh", "berth-edge");
    }

    /** Answers each proxy's question with its next count; a count that is no number exits 1. */
    private final class Workers implements Transport {
        @Override
        public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv) {
            String container = argv.get(argv.size() - 1);
            asked.add(node.name() + ": " + container);
            Deque<String> counts = answers.get(container);
            String count = counts.size() > 1 ? counts.poll() : counts.peek();
            boolean number = count.matches("[0-9]+");
            return CompletableFuture.completedFuture(new CommandResult(number ? 0 : 1,
                    (number ? count + "\n" : "").getBytes(StandardCharsets.UTF_8), new byte[0]));
        }

        @Override
        public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv, byte[] stdin) {
            return run(node, argv);
        }

        @Override
        public CompletableFuture<Void> upload(SshTarget node, byte[] content, String remotePath, int mode) {
            throw new UnsupportedOperationException("the drain uploads nothing");
        }

        @Override
        public Tunnel tunnel(SshTarget node, int remotePort) {
            throw new UnsupportedOperationException("the drain opens no tunnels");
        }

        @Override
        public void close() {
        }
    }
}
