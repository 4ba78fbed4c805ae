package dev.berth.exec;

import dev.berth.model.BerthLabels;
import dev.berth.model.Cluster;
import dev.berth.model.EngineFacts;
import dev.berth.model.NodeSnapshot;
import dev.berth.model.ObservedContainer;
import dev.berth.plan.Action;
import dev.berth.plan.PendingReplica;
import dev.berth.plan.Plan;
import dev.berth.plan.Revision;
import dev.berth.state.ClusterEvent;
import dev.berth.state.StateRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The events of a run, from its steps and observations alone: no node, no I/O. */
class RunEventsTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final String OLD = "web-0ld0ld0ld0";
    static final String NEW = "web-5d8c7f9b2a";

    static StepResult done(Action action) {
        return new StepResult(action, StepResult.Outcome.DONE, "");
    }

    static StepResult failed(Action action, String message) {
        return new StepResult(action, StepResult.Outcome.FAILED, message);
    }

    static Action.RunContainer start(String node, String pod) {
        return new Action.RunContainer(node, "shop/web", pod, "shop_" + pod + "_app", "img:v2", List.of("docker"));
    }

    static Action.RemoveContainer remove(String node, String pod, String reason) {
        return new Action.RemoveContainer(node, "id-" + pod, "shop_" + pod + "_app", reason);
    }

    static ObservedContainer container(String pod, String status, int exitCode, String health, String detail) {
        return new ObservedContainer("id-" + pod, "shop_" + pod + "_app", "img:v1",
                Map.of(BerthLabels.MANAGED, "true", BerthLabels.NAMESPACE, "shop", BerthLabels.DEPLOYMENT, "web",
                        BerthLabels.POD, pod, BerthLabels.CONTAINER, "app"),
                status, exitCode, false, health, 0, NOW, NOW, null, Map.of(), List.of(), detail);
    }

    static NodeObservation node(String name, ObservedContainer... containers) {
        Cluster.Node node = new Cluster.Node(name, "10.0.0.1", null, null, Map.of(), List.of(), null);
        EngineFacts engine = new EngineFacts(name, "27.0.1", "Debian", "6.1", "x86_64", 2, 1L << 32, 1, 1);
        return new NodeObservation(node, NodeObservation.NodeStatus.READY,
                new NodeSnapshot(engine, List.of(containers), "/home/deploy", List.of()), "");
    }

    static Convergence.Outcome outcome(List<NodeObservation> observed, Plan plan, List<StepResult> steps) {
        return new Convergence.Outcome(StateRecord.empty(), StateRecord.empty(), observed, plan, steps,
                Convergence.WaitResult.NOT_ASKED);
    }

    static Plan nothingPending() {
        return new Plan(List.of(), List.of(), Map.of("shop/web", new Revision(2, "5d8c7f9b2a")));
    }

    /** A record that stores the Deployment shop/web with {@code replicas}. */
    static StateRecord web(int replicas) {
        return StateRecord.empty().withApplied(new TreeMap<>(Map.of("Deployment/shop/web", "{\"apiVersion\":\"apps/v1\","
                + "\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\"},\"spec\":{\"replicas\":"
                + replicas + ",\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":"
                + "{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"img:v2\"}]}}}}")));
    }

    static Convergence.Outcome outcome(StateRecord before, StateRecord after, List<NodeObservation> observed,
                                       List<StepResult> steps) {
        return new Convergence.Outcome(before, after, observed, nothingPending(), steps,
                Convergence.WaitResult.NOT_ASKED);
    }

    static List<String> lines(List<ClusterEvent> events) {
        return events.stream().map(e -> e.type() + " " + e.reason() + " " + e.kind() + "/" + e.namespace() + "/"
                + e.name() + " [" + e.node() + "] " + e.message()).toList();
    }

    @Test
    void aRunThatDidNothingAndSawNothingWrongHasNoEvents() {
        List<NodeObservation> healthy = List.of(node("node-1", container(OLD + "-aaaaa", "running", 0, "healthy",
                "HTTP probe succeeded with statuscode: 200")));

        assertThat(RunEvents.of(healthy, outcome(healthy, nothingPending(), List.of()), Set.of(), NOW)).isEmpty();
    }

    @Nested
    class Steps {
        @Test
        void aStartedReplicaIsScheduledPulledAndStartedAndItsReplicaSetScaledUp() {
            List<StepResult> steps = List.of(done(new Action.EnsureNetwork("node-2", "berth")),
                    new StepResult(new Action.PullImage("node-2", "img:v2"), StepResult.Outcome.DONE, "img:v2"),
                    done(start("node-2", NEW + "-x7k2p")));

            List<ClusterEvent> events = RunEvents.of(List.of(), outcome(StateRecord.empty(), web(1), List.of(),
                    steps), Set.of(), NOW);

            assertThat(lines(events)).containsExactly(
                    "Normal Pulled Pod/shop/" + NEW + "-x7k2p [node-2] Successfully pulled image \"img:v2\"",
                    "Normal Scheduled Pod/shop/" + NEW + "-x7k2p [] Successfully assigned shop/" + NEW
                            + "-x7k2p to node-2",
                    "Normal Started Pod/shop/" + NEW + "-x7k2p [node-2] Started container app",
                    "Normal ScalingReplicaSet Deployment/shop/web [] Scaled up replica set " + NEW + " to 1 from 0");
            assertThat(events).allMatch(e -> e.count() == 1 && e.firstTimestamp().equals(NOW)
                    && e.lastTimestamp().equals(NOW));
        }

        @Test
        void aPullIfMissingThatFoundTheImageSaysItWasPresent() {
            List<StepResult> steps = List.of(done(new Action.PullImage("node-2", "img:v2", true)),
                    new StepResult(new Action.PullImage("node-1", "img:v2", true), StepResult.Outcome.DONE, "img:v2"));

            assertThat(lines(RunEvents.of(List.of(), outcome(List.of(), nothingPending(), steps), Set.of(), NOW)))
                    .containsExactly(
                            "Normal Pulled Node//node-2 [node-2] Container image \"img:v2\" already present on machine",
                            "Normal Pulled Node//node-1 [node-1] Successfully pulled image \"img:v2\"");
        }

        @Test
        void aStartThatFailedOnItsImageSaysDockersReasonAndErrImagePull() {
            String reason = "exit 125: docker: Error response from daemon: manifest for img:v2 not found: manifest "
                    + "unknown: manifest unknown.";

            List<ClusterEvent> events = RunEvents.of(List.of(), outcome(List.of(), nothingPending(),
                    List.of(failed(start("node-1", NEW + "-x7k2p"), reason))), Set.of(), NOW);

            assertThat(lines(events)).containsExactly(
                    "Normal Scheduled Pod/shop/" + NEW + "-x7k2p [] Successfully assigned shop/" + NEW
                            + "-x7k2p to node-1",
                    "Warning Failed Pod/shop/" + NEW + "-x7k2p [node-1] Failed to pull image \"img:v2\": " + reason,
                    "Warning Failed Pod/shop/" + NEW + "-x7k2p [node-1] Error: ErrImagePull");
        }

        @Test
        void aPullThatFailedIsTheFailureOfTheReplicasItHeldBack() {
            String reason = "exit 1: Error response from daemon: pull access denied for img";
            List<StepResult> steps = List.of(failed(new Action.PullImage("node-1", "img:v2"), reason),
                    new StepResult(start("node-1", NEW + "-x7k2p"), StepResult.Outcome.SKIPPED, "skipped"));

            assertThat(lines(RunEvents.of(List.of(), outcome(List.of(), nothingPending(), steps), Set.of(), NOW)))
                    .contains("Warning Failed Pod/shop/" + NEW + "-x7k2p [node-1] Failed to pull image \"img:v2\": "
                            + reason, "Warning Failed Pod/shop/" + NEW + "-x7k2p [node-1] Error: ErrImagePull");
        }

        @Test
        void anyOtherFailedStepIsAFailedEventWithItsRealError() {
            List<StepResult> steps = List.of(failed(start("node-1", NEW + "-x7k2p"),
                            "exit 125: docker: Error response from daemon: no space left on device."),
                    failed(new Action.EnsureNetwork("node-2", "berth"), "node-2 (10.0.0.12:22): connection timed out"));

            assertThat(lines(RunEvents.of(List.of(), outcome(List.of(), nothingPending(), steps), Set.of(), NOW)))
                    .contains("Warning Failed Pod/shop/" + NEW + "-x7k2p [node-1] Error: exit 125: docker: Error "
                                    + "response from daemon: no space left on device.",
                            "Warning Failed Node//node-2 [node-2] Failed to ensure network berth: node-2 "
                                    + "(10.0.0.12:22): connection timed out");
        }

        @Test
        void aRemovedReplicaIsKilledWithThePlansReasonAndADeadOneBacksOff() {
            List<NodeObservation> before = List.of(node("node-1", container(NEW + "-aaaaa", "running", 0, null, null),
                    container(NEW + "-bbbbb", "exited", 3, null, null)));
            List<StepResult> steps = List.of(done(start("node-1", NEW + "-ccccc")),
                    done(remove("node-1", NEW + "-aaaaa", "surplus")),
                    done(remove("node-1", NEW + "-bbbbb", "dead (exited 3)")));

            assertThat(lines(RunEvents.of(before, outcome(web(2), web(1), before, steps), Set.of(), NOW)))
                    .contains("Normal Killing Pod/shop/" + NEW + "-aaaaa [node-1] Stopping container app: surplus",
                            "Warning BackOff Pod/shop/" + NEW + "-bbbbb [node-1] Back-off restarting failed container "
                                    + "app: dead (exited 3), replaced by a new replica",
                            "Normal ScalingReplicaSet Deployment/shop/web [] Scaled down replica set " + NEW
                                    + " to 1 from 2");
        }

        @Test
        void aLivenessRestartIsUnhealthyThenKilling() {
            List<StepResult> steps = List.of(done(new Action.RestartContainer("node-1", "id", "shop_" + NEW
                    + "-aaaaa_app", "liveness probe failed 3 times in a row: HTTP probe failed with statuscode: 500")));

            assertThat(lines(RunEvents.of(List.of(), outcome(List.of(), nothingPending(), steps), Set.of(), NOW)))
                    .containsExactly("Warning Unhealthy Pod/shop/" + NEW + "-aaaaa [node-1] Liveness probe failed 3 "
                                    + "times in a row: HTTP probe failed with statuscode: 500",
                            "Normal Killing Pod/shop/" + NEW + "-aaaaa [node-1] Container app failed liveness probe, "
                                    + "will be restarted");
        }
    }

    @Nested
    class Scaling {
        @Test
        void aRolloutScalesTheNewSetUpAndTheOldDownWaveByWaveInKubectlsWords() {
            List<NodeObservation> before = List.of(node("node-1", container(OLD + "-aaaaa", "running", 0, null, null),
                    container(OLD + "-bbbbb", "running", 0, null, null)));
            List<StepResult> steps = List.of(
                    done(start("node-1", NEW + "-ccccc")), done(remove("node-1", OLD + "-aaaaa", "spec changed")),
                    done(new Action.CleanUpPod("node-1", OLD + "-aaaaa", "/d")),
                    done(start("node-1", NEW + "-ddddd")), done(remove("node-1", OLD + "-bbbbb", "spec changed")));

            List<ClusterEvent> events = RunEvents.of(before, outcome(web(2), web(2), before, steps), Set.of(), NOW);

            assertThat(events).filteredOn(e -> e.reason().equals("ScalingReplicaSet"))
                    .extracting(ClusterEvent::message).containsExactly(
                    "Scaled up replica set " + NEW + " to 1 from 0",
                    "Scaled down replica set " + OLD + " to 1 from 2",
                    "Scaled up replica set " + NEW + " to 2 from 1",
                    "Scaled down replica set " + OLD + " to 0 from 1");
        }

        @Test
        void aDeploymentScaledByItsReplicasSaysFromHowManyToHowMany() {
            List<NodeObservation> before = List.of(node("node-1", container(NEW + "-aaaaa", "running", 0, null, null)));

            assertThat(RunEvents.of(before, outcome(web(1), web(3), before, List.of(done(start("node-1", NEW
                    + "-bbbbb")), done(start("node-2", NEW + "-ccccc")))), Set.of(), NOW))
                    .filteredOn(e -> e.reason().equals("ScalingReplicaSet")).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("Scaled up replica set " + NEW + " to 3 from 1"))
                    .satisfies(e -> assertThat(e.kind() + "/" + e.namespace() + "/" + e.name())
                            .isEqualTo("Deployment/shop/web"));
        }

        @Test
        void aReplicaReplacedOrADeploymentDeletedScalesNothing() {
            List<NodeObservation> before = List.of(node("node-1", container(NEW + "-aaaaa", "exited", 1, null, null),
                    container("gone-1234567890-bbbbb", "running", 0, null, null)));
            List<StepResult> steps = List.of(done(start("node-2", NEW + "-ccccc")),
                    done(remove("node-1", NEW + "-aaaaa", "dead (exited 1)")),
                    done(new Action.RemoveContainer("node-1", "id", "shop_gone-1234567890-bbbbb_app",
                            "deployment deleted")));

            assertThat(RunEvents.of(before, outcome(web(2), web(2), before, steps), Set.of(), NOW))
                    .noneMatch(e -> e.reason().equals("ScalingReplicaSet"));
        }
    }

    @Nested
    class Observed {
        @Test
        void aFailingReadinessProbeIsUnhealthyAndACrashLoopBacksOffOncePerRun() {
            List<NodeObservation> seen = List.of(node("node-1",
                    container(NEW + "-aaaaa", "running", 0, "unhealthy", "HTTP probe failed with statuscode: 500"),
                    container(NEW + "-bbbbb", "restarting", 1, null, null)));

            assertThat(lines(RunEvents.of(seen, outcome(seen, nothingPending(), List.of()), Set.of(), NOW)))
                    .containsExactly("Warning Unhealthy Pod/shop/" + NEW + "-aaaaa [node-1] Readiness probe failed: "
                                    + "HTTP probe failed with statuscode: 500",
                            "Warning BackOff Pod/shop/" + NEW + "-bbbbb [node-1] Back-off restarting failed "
                                    + "container app (exit code 1)");
        }

        @Test
        void aReplicaNoNodeCanTakeFailsSchedulingUnderTheNameGetPodsShows() {
            Plan plan = new Plan(List.of(), List.of(new PendingReplica("shop/web", "0/3 nodes fit: 2 insufficient "
                    + "memory, 1 cordoned"), new PendingReplica("shop/web", "0/3 nodes fit: 3 insufficient memory")),
                    Map.of("shop/web", new Revision(2, "5d8c7f9b2a")));

            assertThat(lines(RunEvents.of(List.of(), outcome(List.of(), plan, List.of()), Set.of(), NOW)))
                    .containsExactly(
                            "Warning FailedScheduling Pod/shop/web-5d8c7f9b2a-pending-1 [] 0/3 nodes fit: 2 "
                                    + "insufficient memory, 1 cordoned",
                            "Warning FailedScheduling Pod/shop/web-5d8c7f9b2a-pending-2 [] 0/3 nodes fit: 3 "
                                    + "insufficient memory");
        }

        @Test
        void aFailedRolloutRolledBackSaysToWhichRevisionAndWhy() {
            Convergence.Outcome outcome = new Convergence.Outcome(StateRecord.empty(), StateRecord.empty(), List.of(),
                    nothingPending(), List.of(), Convergence.WaitResult.NOT_ASKED,
                    List.of(new RolloutFailure("shop/web", 3, "a new replica could not be started", List.of())),
                    Map.of("shop/web", 2L), Set.of());

            assertThat(lines(RunEvents.of(List.of(), outcome, Set.of(), NOW))).containsExactly(
                    "Warning RolledBack Deployment/shop/web [] Rolled back deployment \"web\" to revision 2: "
                            + "revision 3 failed: a new replica could not be started");
        }

        @Test
        void aDrainedNodeSaysHowManyReplicasMovedAndScalesNothing() {
            List<NodeObservation> before = List.of(node("node-2", container(NEW + "-aaaaa", "running", 0, null, null),
                    container(NEW + "-bbbbb", "running", 0, null, null)));
            List<StepResult> steps = new ArrayList<>(List.of(done(start("node-1", NEW + "-ccccc")),
                    done(start("node-1", NEW + "-ddddd")), done(remove("node-2", NEW + "-aaaaa", "node drained")),
                    done(remove("node-2", NEW + "-bbbbb", "node drained"))));

            List<ClusterEvent> events = RunEvents.of(before, outcome(before, nothingPending(), steps),
                    Set.of("node-2"), NOW);

            assertThat(lines(events)).contains(
                    "Normal Drained Node//node-2 [node-2] Drained node node-2: 2 replicas moved to other nodes");
            assertThat(events).noneMatch(e -> e.reason().equals("ScalingReplicaSet"));
        }
    }

}
