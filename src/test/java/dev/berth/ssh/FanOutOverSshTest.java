package dev.berth.ssh;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Fan-out through the real transport: many nodes, a few threads, unreachable nodes reported beside the rest. */
@EnabledIf("dev.berth.ssh.LoopbackSshd#available")
class FanOutOverSshTest {
    @TempDir
    static Path dir;
    static LoopbackServers servers;
    static LoopbackSshd sshd;

    @BeforeAll
    static void startServer() throws Exception {
        servers = LoopbackServers.start(dir);
        sshd = servers.server();
    }

    @AfterAll
    static void stopServer() throws Exception {
        servers.close();
    }

    static SshTarget node(String name, int port) {
        return servers.target(name, port).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @Test
    void reportsUnreachableNodesAndStillHearsFromTheOthers() throws Exception {
        int closedPort = LoopbackSshd.freePort();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             SshTransport transport = SshTransport.start(SshConfig.empty(), dir, "root", PassphrasePrompt.none(), null)) {
            Duration patient = Duration.ofSeconds(30);
            List<SshTarget> nodes = List.of(node("node-1", sshd.port()).withTimeouts(patient, patient),
                    node("node-2", closedPort), node("node-3", silent.getLocalPort()),
                    node("node-4", sshd.port()).withTimeouts(patient, patient));

            List<NodeResult<CommandResult>> results = new FanOut(FanOut.DEFAULT_PARALLELISM)
                    .run(nodes, node -> transport.run(node, List.of("printf", "%s", node.name())));

            assertThat(results).extracting(NodeResult::node).containsExactly("node-1", "node-2", "node-3", "node-4");
            assertThat(((NodeResult.Ok<CommandResult>) results.get(0)).value().stdoutText()).isEqualTo("node-1");
            assertThat(results.get(1)).isEqualTo(new NodeResult.Failed<CommandResult>("node-2",
                    FailureKind.UNREACHABLE, "node-2 (127.0.0.1:" + closedPort + "): connection refused"));
            assertThat(results.get(2)).isEqualTo(new NodeResult.Failed<CommandResult>("node-3", FailureKind.TIMEOUT,
                    "node-3 (127.0.0.1:" + silent.getLocalPort() + "): no SSH answer within 2s (connect timeout)"));
            assertThat(((NodeResult.Ok<CommandResult>) results.get(3)).value().stdoutText()).isEqualTo("node-4");
        }
    }

    @Test
    void servesManyNodesWithAFewThreads() throws Exception {
        // the run happens in a thread group of its own, so every thread the transport and the fan-out start is
        // counted there, and no thread of any other test is
        ThreadGroup runThreads = new ThreadGroup("fan-out under test");
        AtomicInteger mostThreads = new AtomicInteger();
        // sshd forks and re-executes itself for every connection: on a small, busy machine a handshake can take
        // seconds, so this test allows more time to connect than the others
        List<SshTarget> nodes = IntStream.rangeClosed(1, 24)
                .mapToObj(i -> node("node-" + i, sshd.port()).withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60)))
                .toList();
        CompletableFuture<List<NodeResult<CommandResult>>> ran = new CompletableFuture<>();
        AtomicInteger sessions = new AtomicInteger();
        List<String> threadNames = new ArrayList<>();
        Thread run = new Thread(runThreads, () -> {
            try (SshTransport transport = SshTransport.start(SshConfig.empty(), dir, "root", PassphrasePrompt.none(),
                    null)) {
                ran.complete(new FanOut(8).run(nodes, node -> transport.run(node, List.of("echo", node.name()))
                        .whenComplete((r, e) -> mostThreads.accumulateAndGet(runThreads.activeCount(), Math::max))));
                sessions.set(transport.sessionsOpened());
                Thread[] threads = new Thread[100];
                for (int i = runThreads.enumerate(threads) - 1; i >= 0; i--) {
                    threadNames.add(threads[i].getName());
                }
            } catch (RuntimeException | Error e) {
                ran.completeExceptionally(e);
            }
        }, "fan-out run");
        run.start();
        List<NodeResult<CommandResult>> results = ran.get(5, TimeUnit.MINUTES);
        run.join(TimeUnit.MINUTES.toMillis(1));

        assertThat(results).filteredOn(result -> result instanceof NodeResult.Failed).isEmpty();
        List<String> answers = new ArrayList<>();
        results.forEach(result -> answers.add(((NodeResult.Ok<CommandResult>) result).value().stdoutText().strip()));
        assertThat(answers).isEqualTo(nodes.stream().map(SshTarget::name).toList());
        assertThat(sessions.get()).isEqualTo(24);
        assertThat(threadNames).as("the transport's threads are counted").anyMatch(name -> name.startsWith("sshd-"));
        assertThat(mostThreads.get()).as("threads of the run, its own included, for 24 nodes: " + threadNames)
                .isLessThan(20);
    }
}
