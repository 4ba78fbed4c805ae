package dev.berth.exec;

import dev.berth.error.ClusterException;
import dev.berth.exec.NodeObservation.NodeStatus;
import dev.berth.manifest.InventoryReader;
import dev.berth.model.Cluster;
import dev.berth.plan.Action;
import dev.berth.plan.PendingReplica;
import dev.berth.plan.Plan;
import dev.berth.state.StateRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConvergingRunTest {
    static final PendingReplica NO_ROOM = new PendingReplica("ns/web", "0/1 nodes fit: 1 insufficient memory");
    static final PendingReplica NO_MATCH = new PendingReplica("ns/web", "0/1 nodes fit: 1 node selector mismatch");
    static final Cluster.Node NODE = new Cluster.Node("node-1", "10.0.0.11", null, null, Map.of(), List.of(), null);

    static Convergence.Outcome outcome(List<PendingReplica> pending, List<StepResult> steps,
                                       List<NodeObservation> observed) {
        return new Convergence.Outcome(StateRecord.empty(), StateRecord.empty(), observed,
                new Plan(List.of(), pending, Map.of()), steps, Convergence.WaitResult.NOT_ASKED);
    }

    static Convergence.Outcome pending(PendingReplica... pending) {
        return outcome(List.of(pending), List.of(), List.of());
    }

    static StepResult step(StepResult.Outcome outcome) {
        return new StepResult(new Action.PullImage("node-1", "busybox"), outcome, "");
    }

    @Nested
    class Growing {
        @TempDir
        Path directory;

        Path inventory;
        Path calls;
        final Deque<Convergence.Outcome> outcomes = new ArrayDeque<>();
        final List<Cluster> converged = new ArrayList<>();
        final List<String> heard = new ArrayList<>();
        final List<String> said = new ArrayList<>();

        @BeforeEach
        void anInventoryWithAProvisioner() throws Exception {
            calls = directory.resolve("calls");
            Path script = Files.writeString(directory.resolve("add.sh"), "#!/bin/sh\necho called >> " + calls
                    + "\necho '{name: node-2, address: 10.0.0.12}'\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            inventory = Files.writeString(directory.resolve("cluster.yaml"), "apiVersion: berth.dev/v1\n"
                    + "kind: Cluster\nmetadata: {name: c}\nspec:\n  ssh: {hostKeyPolicy: accept-new}\n  nodes:\n"
                    + "    - {name: node-1, address: 10.0.0.11}\n  provisioner: {command: [./add.sh]}\n");
        }

        ConvergingRun.Result run(boolean dryRun) {
            Cluster cluster = new InventoryReader().read(inventory);
            Provisioning provisioning = new Provisioning(new ProvisionerProcess(ProvisionerProcess.TIMEOUT),
                    directory::resolve, said::add);
            return new ConvergingRun(c -> {
                converged.add(c);
                return outcomes.removeFirst();
            }, provisioning, said::add).run(cluster, inventory, dryRun,
                    (outcome, again) -> heard.add((again ? "again " : "first ") + outcome.plan().pending().size()));
        }

        int provisionerCalls() throws Exception {
            return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
        }

        @Test
        void aClusterWithRoomConvergesOnce() throws Exception {
            outcomes.add(pending());

            ConvergingRun.Result result = run(false);

            assertThat(result.provisioned()).isEmpty();
            assertThat(converged).hasSize(1);
            assertThat(heard).containsExactly("first 0");
            assertThat(provisionerCalls()).isZero();
        }

        @Test
        void aReplicaPendingForLackOfRoomAddsOneServerAndConvergesAgainOnTheGrownCluster() throws Exception {
            outcomes.add(pending(NO_ROOM));
            outcomes.add(pending());

            ConvergingRun.Result result = run(false);

            assertThat(provisionerCalls()).isEqualTo(1);
            assertThat(result.provisioned()).map(Provisioning.Provisioned::node).contains("node-2");
            assertThat(converged).hasSize(2);
            assertThat(converged.get(1).spec().nodes()).extracting(Cluster.Node::name)
                    .containsExactly("node-1", "node-2");
            assertThat(heard).containsExactly("first 1", "again 0");
            assertThat(said).last().isEqualTo("provisioned node-2; added it to " + inventory
                    + " and converging again");
            assertThatCode(result::requireDesiredState).doesNotThrowAnyException();
        }

        @Test
        void theProvisionerRunsAtMostOnceARunAndWhatIsStillPendingFailsTheRun() throws Exception {
            outcomes.add(pending(NO_ROOM));
            outcomes.add(pending(NO_ROOM));

            ConvergingRun.Result result = run(false);

            assertThat(provisionerCalls()).isEqualTo(1);
            assertThat(converged).hasSize(2);
            assertThatThrownBy(result::requireDesiredState).isInstanceOf(ClusterException.class)
                    .hasMessage("provisioned node-2; 1 replica still Pending; the cluster did not reach the desired "
                            + "state: ns/web has a Pending replica: 0/1 nodes fit: 1 insufficient memory");
        }

        @Test
        void aDryRunNeverProvisions() throws Exception {
            outcomes.add(pending(NO_ROOM));

            ConvergingRun.Result result = run(true);

            assertThat(provisionerCalls()).isZero();
            assertThat(result.provisioned()).isEmpty();
            assertThat(converged).hasSize(1);
        }

        @Test
        void aFailedStepNeverProvisions() throws Exception {
            outcomes.add(outcome(List.of(NO_ROOM), List.of(step(StepResult.Outcome.FAILED)), List.of()));

            run(false);

            assertThat(provisionerCalls()).isZero();
        }

        @Test
        void aReplicaANewServerWouldNotHelpDoesNotProvision() throws Exception {
            outcomes.add(pending(NO_MATCH));

            run(false);

            assertThat(provisionerCalls()).isZero();
        }
    }

    @Nested
    class DesiredState {
        ConvergingRun.Result result(Convergence.Outcome outcome) {
            return new ConvergingRun.Result(outcome, Optional.empty());
        }

        @Test
        void isReachedWhenEveryStepWasDoneNothingIsPendingAndEveryNodeAnswered() {
            Convergence.Outcome outcome = outcome(List.of(), List.of(step(StepResult.Outcome.DONE)),
                    List.of(new NodeObservation(NODE, NodeStatus.READY, null, "")));

            assertThatCode(() -> result(outcome).requireDesiredState()).doesNotThrowAnyException();
        }

        @Test
        void failedStepsAreCounted() {
            Convergence.Outcome outcome = outcome(List.of(), List.of(step(StepResult.Outcome.DONE),
                    step(StepResult.Outcome.FAILED), step(StepResult.Outcome.SKIPPED)), List.of());

            assertThatThrownBy(() -> result(outcome).requireDesiredState()).isInstanceOf(ClusterException.class)
                    .hasMessage("1 of 3 steps failed (see above); what was not done is retried by the next run, "
                            + "e.g. berth reconcile");
        }

        @Test
        void pendingReplicasAreNamedOnceEach() {
            assertThatThrownBy(() -> result(pending(NO_ROOM, NO_ROOM, NO_MATCH)).requireDesiredState())
                    .hasMessage("the cluster did not reach the desired state: ns/web has a Pending replica: "
                            + NO_ROOM.reason() + "; ns/web has a Pending replica: " + NO_MATCH.reason());
        }

        @Test
        void aWaitThatTimedOutSaysWhatWasMissing() {
            Convergence.Outcome outcome = new Convergence.Outcome(StateRecord.empty(), StateRecord.empty(),
                    List.of(), new Plan(List.of(), List.of(), Map.of()), List.of(),
                    new Convergence.WaitResult(true, false, "ns/web: 1/2 ready"));

            assertThatThrownBy(() -> result(outcome).requireDesiredState())
                    .hasMessage("timed out waiting for replicas: ns/web: 1/2 ready");
        }

        @Test
        void nodesNotReachedAreNamed() {
            Convergence.Outcome outcome = outcome(List.of(), List.of(), List.of(
                    new NodeObservation(NODE, NodeStatus.UNREACHABLE, null, "connection refused")));

            assertThatThrownBy(() -> result(outcome).requireDesiredState())
                    .hasMessage("converged on the nodes that answered, but node-1 was not reached (see the warning "
                            + "above); the next run acts on it once reachable");
        }
    }
}
