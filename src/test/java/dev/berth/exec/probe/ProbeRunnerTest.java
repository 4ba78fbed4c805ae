package dev.berth.exec.probe;

import dev.berth.exec.NodeObservation;
import dev.berth.model.BerthLabels;
import dev.berth.model.IntOrString;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import dev.berth.model.Probe;
import dev.berth.ssh.ConnectFailure;
import dev.berth.ssh.FailureKind;
import dev.berth.ssh.SshFailure;
import dev.berth.testing.ManualClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.berth.exec.probe.FakeNodes.container;
import static dev.berth.exec.probe.FakeNodes.exit;
import static dev.berth.exec.probe.FakeNodes.node;
import static org.assertj.core.api.Assertions.assertThat;

/** The probes of observed containers, run over a scripted transport, folded into their health. */
class ProbeRunnerTest {
    static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    static final Instant LONG_AGO = NOW.minus(Duration.ofHours(1));
    static final String ADDRESS = "172.18.0.5";

    final FakeNodes nodes = new FakeNodes();
    final ManualClock clock = new ManualClock(NOW);
    final ProbeRunner runner = new ProbeRunner(nodes.access("node-1", "node-2"), clock);

    static Probe http(String port, int period, int failureThreshold) {
        return new Probe(new Probe.HttpGet("/ready", IntOrString.of(port), "HTTP"), null, null, 0, period, 1, 1,
                failureThreshold);
    }

    static Probe tcp(int port) {
        return new Probe(null, new Probe.TcpSocket(IntOrString.of(port)), null, 0, 10, 1, 1, 3);
    }

    static Probe exec(int timeout, String... command) {
        return new Probe(null, null, new Probe.Exec(List.of(command)), 0, 10, timeout, 1, 3);
    }

    void answerHttp(String node, String status) {
        nodes.connections.put(node + " " + ADDRESS + ":8080",
                key -> CompletableFuture.completedFuture(ScriptedConnection.answering("HTTP/1.1 " + status + "\r\n\r\n")));
    }

    ObservedContainer only(List<NodeObservation> observed) {
        return observed.get(0).snapshot().containers().get(0);
    }

    long connects() {
        return nodes.asked.stream().filter(line -> line.startsWith("connect")).count();
    }

    @Nested
    class Handlers {
        @Test
        void anHttpProbeAnswering500KeepsTheReplicaOutOfReady() {
            answerHttp("node-1", "500 Internal Server Error");

            List<NodeObservation> observed = runner.probe(List.of(node("node-1",
                    container("c1", "web-1", ADDRESS, LONG_AGO, http("http", 10, 3), null, null))));

            ObservedContainer probed = only(observed);
            assertThat(probed.health()).isEqualTo("unhealthy");
            assertThat(probed.healthDetail()).isEqualTo("HTTP probe failed with statuscode: 500");
            assertThat(ObservedPod.group("node-1", observed.get(0).snapshot().containers()).get(0).ready()).isFalse();
            assertThat(nodes.asked).containsExactly("connect node-1 172.18.0.5:8080");
        }

        @Test
        void anHttpProbeAnswering200MakesItReady() {
            answerHttp("node-1", "200 OK");

            List<NodeObservation> observed = runner.probe(List.of(node("node-1",
                    container("c1", "web-1", ADDRESS, NOW, http("http", 10, 3), null, null))));

            assertThat(only(observed).health()).isEqualTo("healthy");
            assertThat(ObservedPod.group("node-1", observed.get(0).snapshot().containers()).get(0).ready()).isTrue();
        }

        @Test
        void aTcpProbeOnAClosedPortSaysConnectionRefused() {
            ObservedContainer probed = only(runner.probe(List.of(node("node-1",
                    container("c1", "web-1", ADDRESS, LONG_AGO, tcp(9090), null, null)))));

            assertThat(probed.health()).isEqualTo("unhealthy");
            assertThat(probed.healthDetail()).isEqualTo("dial tcp 172.18.0.5:9090: connect: connection refused");
        }

        @Test
        void anHttpProbeThatCannotConnectNamesTheUrl() {
            ObservedContainer probed = only(runner.probe(List.of(node("node-1",
                    container("c1", "web-1", ADDRESS, LONG_AGO, http("http", 10, 3), null, null)))));

            assertThat(probed.healthDetail()).isEqualTo(
                    "Get \"http://172.18.0.5:8080/ready\": dial tcp 172.18.0.5:8080: connect: connection refused");
        }

        @Test
        void anExecProbeRunsDockerExecWithinItsTimeoutAndSaysWhatTheCommandSaid() {
            nodes.commands.put("docker exec c1 pg_isready", line -> exit(1, "", "no response\n"));

            ObservedContainer probed = only(runner.probe(List.of(node("node-1",
                    container("c1", "db-1", ADDRESS, LONG_AGO, exec(2, "pg_isready", "-U", "it's me"), null, null)))));

            assertThat(nodes.asked).containsExactly("run node-1 docker exec c1 pg_isready -U it's me (within 2s)");
            assertThat(probed.health()).isEqualTo("unhealthy");
            assertThat(probed.healthDetail()).isEqualTo("exec probe exited 1: no response");
        }

        @Test
        void anExecProbePastItsDeadlineTimedOut() {
            nodes.commands.put("docker exec c1", line -> CompletableFuture.failedFuture(
                    new SshFailure("node-1", FailureKind.TIMEOUT, "node-1: command did not finish within 2s")));

            ObservedContainer probed = only(runner.probe(List.of(node("node-1",
                    container("c1", "db-1", ADDRESS, LONG_AGO, exec(2, "sleep", "9"), null, null)))));

            assertThat(probed.healthDetail()).isEqualTo("probe timed out after 2s");
        }

        @Test
        void anHttpProbeThatGetsNoAnswerTimesOutAndClosesItsConnection() {
            ScriptedConnection silent = ScriptedConnection.silent();
            nodes.connections.put("node-1 " + ADDRESS + ":8080", key -> CompletableFuture.completedFuture(silent));
            Probe impatient = new Probe(new Probe.HttpGet("/ready", IntOrString.of(8080), "HTTP"), null, null, 0, 10,
                    1, 1, 3);

            ObservedContainer probed = only(runner.probe(List.of(node("node-1",
                    container("c1", "web-1", ADDRESS, LONG_AGO, impatient, null, null)))));

            assertThat(probed.healthDetail()).isEqualTo("probe timed out after 1s");
            assertThat(silent.wasClosed()).isTrue();
        }

        @Test
        void aContainerSharingItsPodsNetworkIsProbedAtThePodsAddress() {
            answerHttp("node-1", "200 OK");
            ObservedContainer first = container("c1", "web-1", ADDRESS, LONG_AGO, null, null, null);
            ObservedContainer sidecar = container("c2", "web-1", null, LONG_AGO, http("http", 10, 3), null, null);

            List<NodeObservation> observed = runner.probe(List.of(node("node-1", first, sidecar)));

            assertThat(observed.get(0).snapshot().containers().get(1).health()).isEqualTo("healthy");
        }
    }

    @Nested
    class OverSeveralObservations {
        @Test
        void probesEachContainerNoMoreOftenThanItsPeriod() {
            answerHttp("node-1", "200 OK");
            NodeObservation observed = node("node-1", container("c1", "web-1", ADDRESS, LONG_AGO, http("http", 10, 3),
                    null, null));

            runner.probe(List.of(observed));
            clock.advance(Duration.ofSeconds(5));
            ObservedContainer between = only(runner.probe(List.of(observed)));
            clock.advance(Duration.ofSeconds(5));
            runner.probe(List.of(observed));

            assertThat(connects()).isEqualTo(2);
            assertThat(between.health()).isEqualTo("healthy");
        }

        @Test
        void countsConsecutiveFailuresBeforeAReadyContainerTurnsUnhealthy() {
            answerHttp("node-1", "200 OK");
            NodeObservation observed = node("node-1", container("c1", "web-1", ADDRESS, LONG_AGO, http("http", 1, 3),
                    null, null));
            runner.probe(List.of(observed));
            answerHttp("node-1", "503 Service Unavailable");

            List<String> healths = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofSeconds(1));
                healths.add(only(runner.probe(List.of(observed))).health());
            }

            assertThat(healths).containsExactly("healthy", "healthy", "unhealthy");
        }

        @Test
        void reportsAContainerWhoseLivenessProbeFailedItsThresholdInARow() {
            NodeObservation observed = node("node-1", container("c1", "web-1", ADDRESS, LONG_AGO, null,
                    tcp(8080), null));

            runner.probe(List.of(observed));
            clock.advance(Duration.ofSeconds(10));
            runner.probe(List.of(observed));
            assertThat(runner.livenessFailures()).isEmpty();
            clock.advance(Duration.ofSeconds(10));
            runner.probe(List.of(observed));

            assertThat(runner.livenessFailures()).containsExactly(new LivenessFailure("node-1", "c1",
                    "default_web-1_c1", "liveness probe failed 3 times in a row: dial tcp 172.18.0.5:8080: connect:"
                    + " connection refused"));
        }

        @Test
        void runsReadinessOnlyOnceTheStartupProbePassed() {
            Probe startup = new Probe(null, new Probe.TcpSocket(IntOrString.of(8080)), null, 0, 2, 1, 1, 30);
            NodeObservation observed = node("node-1", container("c1", "web-1", ADDRESS, NOW, http("http", 10, 3),
                    null, startup));

            ObservedContainer waiting = only(runner.probe(List.of(observed)));
            answerHttp("node-1", "200 OK");
            clock.advance(Duration.ofSeconds(2));
            ObservedContainer started = only(runner.probe(List.of(observed)));

            assertThat(waiting.health()).isEqualTo("starting");
            assertThat(waiting.healthDetail())
                    .isEqualTo("startup probe: dial tcp 172.18.0.5:8080: connect: connection refused");
            assertThat(started.health()).isEqualTo("healthy");
            assertThat(connects()).isEqualTo(3);
        }
    }

    @Nested
    class WhenTheServerForbidsForwarding {
        void forbid(String node) {
            nodes.connections.put(node + " " + ADDRESS + ":8080", key -> CompletableFuture.failedFuture(
                    new ConnectFailure(node, ConnectFailure.Reason.FORBIDDEN, node + " forbids TCP forwarding")));
        }

        @Test
        void probesThroughBashOnTheNodeAndRemembersToForTheRestOfTheRun() {
            forbid("node-2");
            nodes.commands.put("bash -c", line -> exit(0, "HTTP/1.1 200 OK\r\n\r\n", ""));
            NodeObservation observed = node("node-2", container("c1", "web-1", ADDRESS, LONG_AGO, http("http", 10, 3),
                    null, null));

            ObservedContainer first = only(runner.probe(List.of(observed)));
            clock.advance(Duration.ofSeconds(10));
            runner.probe(List.of(observed));

            assertThat(first.health()).isEqualTo("healthy");
            assertThat(connects()).isEqualTo(1);
            assertThat(nodes.asked).filteredOn(line -> line.startsWith("run node-2 bash -c")).hasSize(2)
                    .allMatch(line -> line.contains(" berth-probe 172.18.0.5 8080 GET /ready HTTP/1.1"));
        }

        @Test
        void saysClearlyWhyItCannotProbeWithoutBash() {
            forbid("node-2");
            nodes.commands.put("bash -c", line -> exit(127, "", "sh: 1: bash: not found\n"));

            ObservedContainer probed = only(runner.probe(List.of(node("node-2",
                    container("c1", "web-1", ADDRESS, LONG_AGO, http("http", 10, 3), null, null)))));

            assertThat(probed.health()).isEqualTo("unhealthy");
            assertThat(probed.healthDetail()).isEqualTo("node-2 forbids TCP forwarding (AllowTcpForwarding no) and"
                    + " has no bash: httpGet and tcpSocket probes need one of them (AllowTcpForwarding local for"
                    + " berth's SSH user is enough), or use an exec probe");
        }
    }

    @Nested
    class WhatIsLeftAlone {
        @Test
        void containersWithoutProbesLabelKeepDockersHealthAndAreNotProbed() {
            ObservedContainer dockerChecked = container("c1", "web-1", ADDRESS, LONG_AGO, null, null, null);
            ObservedContainer withDockerHealth = new ObservedContainer(dockerChecked.id(), dockerChecked.name(),
                    dockerChecked.image(), dockerChecked.labels(), "running", 0, false, "unhealthy", 0, LONG_AGO,
                    LONG_AGO, null, dockerChecked.networkAddresses(), List.of());

            ObservedContainer probed = only(runner.probe(List.of(node("node-1", withDockerHealth))));

            assertThat(probed).isEqualTo(withDockerHealth);
            assertThat(nodes.asked).isEmpty();
        }

        @Test
        void aLabelBerthCannotReadIsNeverAPass() {
            ObservedContainer base = container("c1", "web-1", ADDRESS, LONG_AGO, null, null, null);
            Map<String, String> labels = new HashMap<>(base.labels());
            labels.put(BerthLabels.PROBES, "{broken");
            ObservedContainer broken = new ObservedContainer("c1", base.name(), base.image(), labels, "running", 0,
                    false, null, 0, LONG_AGO, LONG_AGO, null, base.networkAddresses(), List.of());

            ObservedContainer probed = only(runner.probe(List.of(node("node-1", broken))));

            assertThat(probed.health()).isEqualTo("unhealthy");
            assertThat(probed.healthDetail()).startsWith("cannot read the berth.dev/probes label from docker");
        }

        @Test
        void nodesThatDidNotAnswerAreReturnedAsTheyWere() {
            NodeObservation unreachable = new NodeObservation(node("node-2").node(),
                    NodeObservation.NodeStatus.UNREACHABLE, null, "node-2: connection refused");

            assertThat(runner.probe(List.of(unreachable))).containsExactly(unreachable);
        }
    }
}
