package dev.berth.ssh;

import dev.berth.error.ClusterException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fan-out logic with in-process asynchronous operations; the real-sshd proof is in {@link FanOutOverSshTest}. */
class FanOutTest {
    static final Path KNOWN_HOSTS = Path.of("/nonexistent/known_hosts");

    static List<SshTarget> nodes(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> SshTarget.of("node-" + i, "10.0.0." + i, KNOWN_HOSTS))
                .toList();
    }

    @Nested
    class Bounds {
        @Test
        void neverHasMoreNodesInFlightThanItsParallelism() {
            ScheduledExecutorService later = Executors.newScheduledThreadPool(2);
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger highest = new AtomicInteger();
            try {
                List<NodeResult<String>> results = new FanOut(5).run(nodes(100), node -> {
                    highest.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    CompletableFuture<String> done = new CompletableFuture<>();
                    later.schedule(() -> {
                        inFlight.decrementAndGet();
                        done.complete(node.host());
                    }, 2, TimeUnit.MILLISECONDS);
                    return done;
                });

                assertThat(results).hasSize(100);
                assertThat(highest.get()).isEqualTo(5);
            } finally {
                later.shutdownNow();
            }
        }

        @Test
        void refusesAParallelismBelowOne() {
            assertThatThrownBy(() -> new FanOut(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parallelism must be at least 1, got 0");
        }
    }

    @Nested
    class Results {
        @Test
        void keepTheOrderOfTheNodesAndCollectEveryFailure() {
            List<NodeResult<String>> results = new FanOut(FanOut.DEFAULT_PARALLELISM).run(nodes(4), node -> switch (node.name()) {
                case "node-2" -> CompletableFuture.failedFuture(new SshFailure("node-2", FailureKind.UNREACHABLE,
                        "node-2 (10.0.0.2:22): connection refused"));
                case "node-3" -> CompletableFuture.failedFuture(new SshFailure("node-3", FailureKind.TIMEOUT,
                        "node-3: command did not finish within 120s"));
                default -> CompletableFuture.completedFuture("answer of " + node.name());
            });

            assertThat(results).containsExactly(
                    new NodeResult.Ok<>("node-1", "answer of node-1"),
                    new NodeResult.Failed<>("node-2", FailureKind.UNREACHABLE, "node-2 (10.0.0.2:22): connection refused"),
                    new NodeResult.Failed<>("node-3", FailureKind.TIMEOUT, "node-3: command did not finish within 120s"),
                    new NodeResult.Ok<>("node-4", "answer of node-4"));
        }

        @Test
        void turnAnOperationThatThrowsIntoAFailureOfItsNode() {
            List<NodeResult<String>> results = new FanOut(2).run(nodes(2), node -> {
                if (node.name().equals("node-1")) {
                    throw new IllegalStateException("broken");
                }
                return CompletableFuture.completedFuture("ok");
            });

            assertThat(results).containsExactly(
                    new NodeResult.Failed<>("node-1", FailureKind.PROTOCOL, "node-1: broken"),
                    new NodeResult.Ok<>("node-2", "ok"));
        }

        @Test
        void areReportedTogetherWhenAnyNodeFailed() {
            List<NodeResult<String>> results = new ArrayList<>(List.of(
                    new NodeResult.Ok<>("node-1", "x"),
                    new NodeResult.Failed<>("node-2", FailureKind.UNREACHABLE, "node-2 (10.0.0.2:22): connection refused"),
                    new NodeResult.Failed<>("node-3", FailureKind.AUTH, "node-3 (10.0.0.3:22): permission denied")));

            assertThatThrownBy(() -> FanOut.requireAllOk(results))
                    .isInstanceOf(ClusterException.class)
                    .hasMessage("2 of 3 nodes failed: node-2 (10.0.0.2:22): connection refused; "
                            + "node-3 (10.0.0.3:22): permission denied");
        }

        @Test
        void passWhenEveryNodeAnswered() {
            FanOut.requireAllOk(List.of(new NodeResult.Ok<>("node-1", "x")));
        }
    }

    @Nested
    class WithinDescriptors {

        @Test
        void keepsTheParallelismAskedForWhenDescriptorsAbound() {
            assertThat(FanOut.withinDescriptors(512, 1_048_576, 40)).isEqualTo(512);
        }

        @Test
        void lowersItToWhatTheFreeDescriptorsAllow() {
            // (1024 - 40 - 64 kept) / 3 per node
            assertThat(FanOut.withinDescriptors(512, 1024, 40)).isEqualTo(306);
        }

        @Test
        void keepsOneNodeInFlightWhenNoneAreFree() {
            assertThat(FanOut.withinDescriptors(512, 100, 99)).isEqualTo(1);
        }

        @Test
        void trustsTheParallelismWhenThePlatformDoesNotCount() {
            assertThat(FanOut.withinDescriptors(64, -1, -1)).isEqualTo(64);
        }

        @Test
        void readsTheRealProcess() {
            assertThat(FanOut.withinDescriptors(8).run(nodes(3), node -> CompletableFuture.completedFuture(node.name())))
                    .hasSize(3);
        }
    }
}
