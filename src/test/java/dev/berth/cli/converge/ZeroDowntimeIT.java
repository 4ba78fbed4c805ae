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
import java.util.List;
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
 * No request through the edge fails while a Deployment rolls from v1 to v2 and back with rollout undo: continuous
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

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Set<String> versions = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        String edge = cluster.node("node-1").address();
        for (int c = 0; c < CONNECTIONS; c++) {
            clients.add(CompletableFuture.runAsync(() -> {
                KeepAliveClient client = new KeepAliveClient(edge, 80);
                while (loading.get()) {
                    try {
                        KeepAliveClient.Response response = client.get("steady.lab", "/");
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
        try {
            cluster.succeed("apply", "-f", v2.toString(), "--wait", "--timeout", "4m");
            cluster.succeed("rollout", "undo", "-n", "it-svc", "deployment/steady", "--wait", "--timeout", "4m");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (answered.get() + failures.size() < AT_LEAST && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            loading.set(false);
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
            pool.shutdownNow();
        }

        System.out.printf("ZeroDowntimeIT: %d requests answered over %d keep-alive connections, %d failed, "
                + "%d sent again after an idle connection closed; versions seen: %s%n", answered.get(), CONNECTIONS,
                failures.size(), retried.get(), versions);
        assertThat(failures).as("failed requests").isEmpty();
        assertThat(answered.get()).isGreaterThanOrEqualTo(AT_LEAST);
        assertThat(versions).containsExactlyInAnyOrder("v1", "v2");
    }
}
