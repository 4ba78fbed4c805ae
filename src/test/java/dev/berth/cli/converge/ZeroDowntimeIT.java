package dev.berth.cli.converge;

import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request through the edge fails while a Deployment rolls from v1 to v2 and back with rollout undo, or while
 * a node that runs its replicas is drained: continuous
 * load over a few keep-alive connections from this machine to the lab's edge, counted request by request. A
 * request is sent again only when a reused keep-alive connection was closed before any byte of its answer, as
 * HTTP clients do for idempotent requests; any other error, and any answer but 200 from hello, is a failure.
 */
@LabTest
class ZeroDowntimeIT {
    private static final int CONNECTIONS = 4;
    private static final int AT_LEAST = 5_000;

    private LabCluster cluster;

    /** The lab is shared with the other tests, whose cluster-wide runs must not meet this test's objects. */
    @AfterEach
    void forget() {
        cluster.forgetNamespace("it-svc");
    }

    @BeforeEach
    void setUp(Lab lab, @TempDir Path scratch) {
        this.cluster = new LabCluster(lab, scratch);
    }

    @Test
    void aRolloutAndAnUndoFailNoRequestThroughTheEdge() throws Exception {
        String ingress = ServicesIT.ingress("steady", null, "steady.lab");
        Path v1 = cluster.manifest("v1.yaml", ServicesIT.app("steady", "v1", 2) + ingress);
        Path v2 = cluster.manifest("v2.yaml", ServicesIT.app("steady", "v2", 2) + ingress);
        cluster.succeed("apply", "-f", v1.toString(), "--wait", "--timeout", "3m");

        EdgeLoad load = new EdgeLoad(cluster.node("node-1").address(), "steady.lab");
        try {
            cluster.succeed("apply", "-f", v2.toString(), "--wait", "--timeout", "4m");
            cluster.succeed("rollout", "undo", "-n", "it-svc", "deployment/steady", "--wait", "--timeout", "4m");
            load.awaitAtLeast(AT_LEAST);
        } finally {
            load.stop();
        }

        load.report("a rollout and an undo");
        assertThat(load.failures).as("failed requests").isEmpty();
        assertThat(load.answered.get()).isGreaterThanOrEqualTo(AT_LEAST);
        assertThat(load.versions).containsExactlyInAnyOrder("v1", "v2");
    }

    /**
     * {@code drain} of a node that runs replicas: their replacements start on the other nodes and join the
     * upstreams before the drained ones leave them, so no request fails, and the node is left empty.
     */
    @Test
    void drainingANodeFailsNoRequestThroughTheEdge() throws Exception {
        Path app = cluster.manifest("steady.yaml", ServicesIT.app("steady", "v1", 2)
                + ServicesIT.ingress("steady", null, "steady.lab"));
        cluster.succeed("apply", "-f", app.toString(), "--wait", "--timeout", "3m");
        Map<String, Integer> before = cluster.counts("it-svc", "steady");
        String drained = before.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey).max(Comparator.naturalOrder()).orElseThrow();

        EdgeLoad load = new EdgeLoad(cluster.node("node-1").address(), "steady.lab");
        try {
            load.awaitAtLeast(200);
            cluster.succeed("drain", drained, "--timeout", "4m");
            load.awaitAtLeast(load.answered.get() + 1_000);
        } finally {
            load.stop();
            cluster.succeed("uncordon", drained);
        }

        load.report("a drain of " + drained);
        assertThat(load.failures).as("failed requests").isEmpty();
        Map<String, Integer> after = cluster.counts("it-svc", "steady");
        assertThat(after.get(drained)).as("replicas left on %s (before: %s)", drained, before).isZero();
        assertThat(after.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
    }

    /**
     * Continuous GETs of one host through the edge over a few keep-alive connections, counted request by
     * request, until {@link #stop()}.
     */
    private static final class EdgeLoad {
        final AtomicInteger answered = new AtomicInteger();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final Set<String> versions = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean loading = new AtomicBoolean(true);
        private final AtomicInteger retried = new AtomicInteger();
        private final ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        private final List<CompletableFuture<Void>> clients = new ArrayList<>();

        EdgeLoad(String edge, String host) {
            for (int c = 0; c < CONNECTIONS; c++) {
                clients.add(CompletableFuture.runAsync(() -> {
                    KeepAliveClient client = new KeepAliveClient(edge, 80);
                    while (loading.get()) {
                        try {
                            KeepAliveClient.Response response = client.get(host, "/");
                            if (response.status() != 200 || !response.body().startsWith("berth-hello v")) {
                                failures.add(response.status() + " " + response.body().strip());
                            } else {
                                answered.incrementAndGet();
                                versions.add(response.body().split(" ")[1]);
                            }
                        } catch (Exception e) {
                            failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                            client.close();
                        }
                    }
                    retried.addAndGet(client.retries());
                    client.close();
                }, pool));
            }
        }

        /** Waits until {@code count} requests were answered or failed, at most five minutes. */
        void awaitAtLeast(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (answered.get() + failures.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        void stop() throws Exception {
            loading.set(false);
            try {
                CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
            } finally {
                pool.shutdownNow();
            }
        }

        void report(String during) {
            System.out.printf("ZeroDowntimeIT, %s: %d requests answered over %d keep-alive connections, %d failed, "
                    + "%d sent again after an idle connection closed; versions seen: %s%n", during, answered.get(),
                    CONNECTIONS, failures.size(), retried.get(), versions);
        }
    }
}
