package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import dev.berth.docker.NodeCommands;
import dev.berth.docker.NodeProbe;
import dev.berth.state.InMemoryStateNode;
import dev.berth.testing.FakeCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact output of apply and diff, and the exact commands apply sends, against a cluster kept in memory
 * (two nodes, both state nodes; {@link FakeClusterCli}). The lab tests prove that the commands do on real servers
 * what these tests assume they do.
 */
class ConvergeVerbsOnFakeClusterTest {
    private static final String HELLO = "examples/hello/";
    private static final String POD_ON_1 = "hello-2bbc5fece9-ckc87";
    private static final String POD_ON_2 = "hello-2bbc5fece9-stl2j";

    @TempDir
    Path directory;

    private FakeClusterCli fake;

    @BeforeEach
    void cluster() throws IOException {
        fake = new FakeClusterCli(directory);
    }

    /** What apply, as berth runs it, starts on a node: one replica of examples/hello. */
    private static List<String> dockerRun(String pod, String address) {
        return List.of("docker", "run", "--detach", "--name", "default_" + pod + "_hello",
                "--label", "app=hello",
                "--label", "berth.dev/container=hello",
                "--label", "berth.dev/cpu-request=100",
                "--label", "berth.dev/deployment=hello",
                "--label", "berth.dev/managed=true",
                "--label", "berth.dev/memory-request=67108864",
                "--label", "berth.dev/namespace=default",
                "--label", "berth.dev/pod=" + pod,
                "--label", "berth.dev/ports=http=8080/TCP",
                "--label", "berth.dev/probes={\"readinessProbe\":{\"httpGet\":{\"path\":\"/cgi-bin/health\","
                        + "\"port\":8080,\"scheme\":\"HTTP\"},\"initialDelaySeconds\":0,\"periodSeconds\":10,"
                        + "\"timeoutSeconds\":1,\"successThreshold\":1,\"failureThreshold\":3}}",
                "--label", "berth.dev/revision=1",
                "--label", "berth.dev/spec-hash=2bbc5fece9",
                "--restart", "unless-stopped",
                "--network", "berth", "--hostname", pod,
                "--dns-search", "default.svc.cluster.local", "--dns-option", "ndots:1",
                "--publish", address + "::8080/tcp",
                "--memory", "134217728",
                "--stop-timeout", "30",
                "berth-registry:5000/berth-hello:v1");
    }

    /** The commands sent to {@code node} other than reading and writing the record and the lock. */
    private List<List<String>> dockerCommands(String node) {
        return fake.cluster().commands(node).stream().filter(argv -> !InMemoryStateNode.isStateScript(argv)).toList();
    }

    /** Which record and lock scripts {@code node} was sent, by their name ({@code berth-lock-acquire}, ...). */
    private List<String> stateScripts(String node) {
        return fake.cluster().commands(node).stream().filter(InMemoryStateNode::isStateScript)
                .map(argv -> argv.get(3)).toList();
    }

    private Path helloWithImage(String tag) throws IOException {
        String hello = Files.readString(Path.of(HELLO, "hello.yaml"));
        return Files.writeString(directory.resolve("hello-" + tag + ".yaml"),
                hello.replace("berth-hello:v1", "berth-hello:" + tag));
    }

    @Nested
    class ApplyOnAnEmptyCluster {
        private CliRunner.Result applied;

        @BeforeEach
        void apply() {
            applied = fake.berth("apply", "-f", HELLO);
        }

        @Test
        void printsTheObjectsCreatedOnStdoutAndEveryStepOnStderr() {
            assertThat(applied.exitCode()).as(applied.toString()).isZero();
            assertThat(applied.out()).isEqualTo("""
                    deployment.apps/hello created
                    service/hello created
                    ingress.networking.k8s.io/hello created
                    """);
            assertThat(applied.err()).isEqualTo("""
                    2026-03-02T09:00:00Z Waiting for deployment "default/hello" rollout to finish: 0 out of 2 new \
                    replicas have been updated...
                    node-1: ensure network berth
                    node-1: start container default_hello-2bbc5fece9-ckc87_hello (berth-registry:5000/berth-hello:v1)
                    node-2: ensure network berth
                    node-2: start container default_hello-2bbc5fece9-stl2j_hello (berth-registry:5000/berth-hello:v1)
                    2026-03-02T09:00:00Z deployment "default/hello" successfully rolled out
                    apply: 4 steps done on 2 nodes
                    """);
        }

        @Test
        void observesEachNodeStartsOneReplicaOnEachWithTheExactDockerRunThenLooksAgainUntilTheyAreReady() {
            assertThat(dockerCommands("node-1")).containsExactly(NodeProbe.command(),
                    NodeCommands.ensureNetwork("berth"), dockerRun(POD_ON_1, "10.0.0.11"), NodeProbe.command());
            assertThat(dockerCommands("node-2")).containsExactly(NodeProbe.command(),
                    NodeCommands.ensureNetwork("berth"), dockerRun(POD_ON_2, "10.0.0.12"), NodeProbe.command());
            assertThat(fake.cluster().calls()).filteredOn(FakeCluster.Call.Connect.class::isInstance).containsExactly(
                    new FakeCluster.Call.Connect("node-1", "172.18.0.2", 8080),
                    new FakeCluster.Call.Connect("node-2", "172.18.0.2", 8080));
            assertThat(fake.cluster().uploads("node-1")).isEmpty();
        }

        @Test
        void storesTheRecordAndTheRunsEventsUnderTheLockOnEveryStateNodeAndGivesTheLockBack() {
            for (String node : List.of("node-1", "node-2")) {
                assertThat(stateScripts(node)).as(node).containsExactly("berth-lock-acquire", "berth-state-read",
                        "berth-state-write", "berth-events-read", "berth-events-write", "berth-lock-release");
                InMemoryStateNode state = fake.cluster().node(node).state();
                assertThat(state.record()).as(node).hasValueSatisfying(record -> assertThat(record)
                        .startsWith("{\"generation\":1,").contains("\"alice@laptop\"", "Deployment/default/hello"));
                assertThat(state.lease()).as(node).isEmpty();
            }
        }
    }

    @Nested
    class ApplyingTheSameFilesAgain {
        private CliRunner.Result again;

        @BeforeEach
        void applyTwice() {
            fake.berth("apply", "-f", HELLO);
            fake.clock().advance(Duration.ofMinutes(5));
            fake.cluster().forgetCalls();
            again = fake.berth("apply", "-f", HELLO);
        }

        @Test
        void saysEachObjectIsUnchanged() {
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).isEqualTo("""
                    deployment.apps/hello unchanged
                    service/hello unchanged
                    ingress.networking.k8s.io/hello unchanged
                    """);
            assertThat(again.err()).isEmpty();
        }

        @Test
        void sendsNoCommandThatChangesANodeAndDoesNotRewriteTheRecord() {
            for (String node : List.of("node-1", "node-2")) {
                assertThat(dockerCommands(node)).as(node).containsExactly(NodeProbe.command());
                assertThat(stateScripts(node)).as(node)
                        .containsExactly("berth-lock-acquire", "berth-state-read", "berth-lock-release");
                assertThat(fake.cluster().node(node).state().record()).as(node)
                        .hasValueSatisfying(record -> assertThat(record).startsWith("{\"generation\":1,"));
            }
            assertThat(fake.cluster().calls()).noneMatch(call -> call instanceof FakeCluster.Call.Upload);
        }
    }

    @Nested
    class Diff {
        @Test
        void beforeAnyApplyListsTheObjectsToCreateAndTheStepsPerNodeAndExitsOne() {
            CliRunner.Result diff = fake.berth("diff", "-f", HELLO);

            assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
            assertThat(diff.out()).isEqualTo("""
                    deployment.apps/hello created
                    ingress.networking.k8s.io/hello created
                    service/hello created
                    node-1:
                      ~ ensure network berth
                      + start container default_hello-2bbc5fece9-ckc87_hello (berth-registry:5000/berth-hello:v1)
                    node-2:
                      ~ ensure network berth
                      + start container default_hello-2bbc5fece9-stl2j_hello (berth-registry:5000/berth-hello:v1)
                    """);
            assertThat(diff.err()).isEmpty();
        }

        @Test
        void takesNoLockAndChangesNothing() {
            fake.berth("diff", "-f", HELLO);

            for (String node : List.of("node-1", "node-2")) {
                assertThat(dockerCommands(node)).as(node).containsExactly(NodeProbe.command());
                assertThat(stateScripts(node)).as(node).containsExactly("berth-state-read");
                assertThat(fake.cluster().node(node).state().record()).as(node).isEmpty();
            }
        }

        @Test
        void afterApplyingTheSameFilesFindsNothingAndExitsZero() {
            fake.berth("apply", "-f", HELLO);

            CliRunner.Result diff = fake.berth("diff", "-f", HELLO);

            assertThat(diff.exitCode()).as(diff.toString()).isZero();
            assertThat(diff.out()).isEmpty();
            assertThat(diff.err()).isEmpty();
        }

        /** hello's default strategy (25% surge, 25% unavailable of 2 replicas) rolls one replica at a time. */
        @Test
        void withANewImageShowsTheDeploymentConfiguredAndTheFirstWaveOfItsRolloutAndExitsOne() throws IOException {
            fake.berth("apply", "-f", HELLO);

            CliRunner.Result diff = fake.berth("diff", "-f", helloWithImage("v2").toString());

            assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
            assertThat(diff.out()).isEqualTo("""
                    deployment.apps/hello configured
                    node-1:
                      ~ ensure network berth
                      ~ pull berth-registry:5000/berth-hello:v2 (if missing)
                      + start container default_hello-c09af2fd2b-ckc87_hello (berth-registry:5000/berth-hello:v2)
                    node-2:
                      ~ pull berth-registry:5000/berth-hello:v2 (if missing)
                    """);
            assertThat(diff.err()).isEmpty();
        }
    }

    @Nested
    class Scope {
        private Path brokenElsewhere() throws IOException {
            fake.cluster().image("berth-registry:5000/no-such-image:1").notInRegistry();
            return Files.writeString(directory.resolve("broken.yaml"), """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: broken, namespace: team-b}
                    spec:
                      replicas: 1
                      selector: {matchLabels: {app: broken}}
                      template:
                        metadata: {labels: {app: broken}}
                        spec:
                          containers:
                            - {name: app, image: "berth-registry:5000/no-such-image:1"}
                    """);
        }

        @Test
        void anotherNamespacesBrokenDeploymentNeitherFailsNorIsRetriedByApplyAndDiff() throws IOException {
            assertThat(fake.berth("apply", "-f", brokenElsewhere().toString()).exitCode()).isEqualTo(3);
            int sent1 = dockerCommands("node-1").size();
            int sent2 = dockerCommands("node-2").size();

            CliRunner.Result applied = fake.berth("apply", "-f", HELLO);
            CliRunner.Result diff = fake.berth("diff", "-f", HELLO);

            assertThat(applied.exitCode()).as(applied.toString()).isZero();
            assertThat(diff.exitCode()).as(diff.toString()).isZero();
            assertThat(diff.out()).isEmpty();
            assertThat(dockerCommands("node-1").subList(sent1, dockerCommands("node-1").size()))
                    .noneMatch(argv -> String.join(" ", argv).contains("no-such-image"));
            assertThat(dockerCommands("node-2").subList(sent2, dockerCommands("node-2").size()))
                    .noneMatch(argv -> String.join(" ", argv).contains("no-such-image"));
        }

        @Test
        void reconcileIsTheClusterWideJobAndRetriesIt() throws IOException {
            fake.berth("apply", "-f", brokenElsewhere().toString());
            fake.berth("apply", "-f", HELLO);

            CliRunner.Result reconcile = fake.berth("reconcile");

            assertThat(reconcile.exitCode()).as(reconcile.toString()).isEqualTo(3);
            assertThat(reconcile.err()).contains("no-such-image");
        }
    }

    @Nested
    class AStepThatFails {
        /** The first wave starts one replica of v2, on node-1; node-2 only pulls the image. */
        @Test
        void failsTheRolloutWithDockersMessageRemovesNoOldReplicaAndRollsBack() throws IOException {
            fake.berth("apply", "-f", HELLO);
            fake.cluster().node("node-1").answer(argv -> argv.size() > 1 && argv.get(1).equals("run"), 125, "",
                    "docker: Error response from daemon: pull access denied for berth-registry:5000/berth-hello.\n");
            fake.cluster().forgetCalls();

            CliRunner.Result apply = fake.berth("apply", "-f", helloWithImage("v2").toString());

            assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
            assertThat(apply.out()).isEqualTo("""
                    deployment.apps/hello configured
                    service/hello unchanged
                    ingress.networking.k8s.io/hello unchanged
                    """);
            assertThat(apply.err()).isEqualTo("""
                    2026-03-02T09:00:00Z Waiting for deployment "default/hello" rollout to finish: 0 out of 2 new \
                    replicas have been updated...
                    node-1: ensure network berth
                    node-1: pull berth-registry:5000/berth-hello:v2 (if missing)
                    node-1: start container default_hello-c09af2fd2b-ckc87_hello (berth-registry:5000/berth-hello:v2): \
                    FAILED: exit 125: docker: Error response from daemon: pull access denied for \
                    berth-registry:5000/berth-hello.
                    node-2: pull berth-registry:5000/berth-hello:v2 (if missing)
                    2026-03-02T09:00:00Z deployment "default/hello" revision 2 failed: a new replica could not be \
                    started; rolling back to revision 1
                    2026-03-02T09:00:00Z deployment "default/hello" rolled back to revision 1
                    apply: 3 steps done on 2 nodes, 1 failed
                    error: rollout of deployment "default/hello" revision 2 failed: a new replica could not be started
                      node-1: start container default_hello-c09af2fd2b-ckc87_hello \
                    (berth-registry:5000/berth-hello:v2): \
                    exit 125: docker: Error response from daemon: pull access denied for \
                    berth-registry:5000/berth-hello.
                    deployment "default/hello" rolled back to revision 1 on every node
                    """);
            assertThat(fake.cluster().node("node-1").docker().containerNames()).containsExactly(
                    "default_hello-2bbc5fece9-ckc87_hello");
            assertThat(fake.cluster().node("node-2").docker().containerNames()).containsExactly(
                    "default_hello-2bbc5fece9-stl2j_hello");
            String remove = NodeCommands.removeContainer("0".repeat(64)).get(2);
            assertThat(fake.cluster().calls()).noneMatch(call -> call instanceof FakeCluster.Call.Command command
                    && command.argv().contains(remove));
        }

        /** Scaling up changes no template: a replica that does not start is a failed step, retried by the next run. */
        @Test
        void thatIsNoRolloutIsReportedWithDockersMessageForTheNextRunToRetry() {
            fake.berth("apply", "-f", HELLO);
            fake.cluster().node("node-1").answer(argv -> argv.size() > 1 && argv.get(1).equals("run"), 125, "",
                    "docker: Error response from daemon: no space left on device.\n");

            CliRunner.Result scale = fake.berth("scale", "deployment/hello", "--replicas", "3");

            assertThat(scale.exitCode()).as(scale.toString()).isEqualTo(3);
            assertThat(scale.out()).isEqualTo("deployment.apps/hello configured\n");
            assertThat(scale.err()).isEqualTo("""
                    node-1: ensure network berth
                    node-1: start container default_hello-2bbc5fece9-7ll6r_hello \
                    (berth-registry:5000/berth-hello:v1): FAILED: exit 125: docker: Error response from daemon: no \
                    space left on device.
                    scale: 1 step done on 1 node, 1 failed
                    error: 1 of 2 steps failed (see above); what was not done is retried by the next run, e.g. berth \
                    reconcile
                    """);
        }
    }
}
