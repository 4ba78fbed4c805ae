package dev.berth.cli.observe;

import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import dev.berth.state.InMemoryStateNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What berth's runs record of what they did and saw, and how get events and describe show it, on a cluster kept
 * in memory ({@link FakeClusterCli}): examples/hello applied, then looked at two and a half minutes later.
 */
class EventsOnFakeClusterTest {
    private static final String HELLO = "examples/hello/";
    private static final String IMAGE = "berth-registry:5000/berth-hello:v1";

    @TempDir
    Path directory;
    private FakeClusterCli fake;

    @BeforeEach
    void cluster() throws IOException {
        fake = new FakeClusterCli(directory);
    }

    private static CliRunner.Result ok(CliRunner.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
        return result;
    }

    private List<String> eventScripts(String node) {
        return fake.cluster().commands(node).stream().filter(InMemoryStateNode::isStateScript)
                .map(argv -> argv.get(3)).filter(name -> name.startsWith("berth-events")).toList();
    }

    @Nested
    class AfterAnApply {
        @BeforeEach
        void helloRunsForTwoAndAHalfMinutes() {
            CliRunner.Result apply = fake.berth("apply", "-f", HELLO);
            assertThat(apply.exitCode()).as(apply.toString()).isZero();
            fake.clock().advance(Duration.ofSeconds(150));
        }

        @Test
        void getEventsListsWhatTheRunDidInKubectlsColumns() {
            assertThat(ok(fake.berth("get", "events")).out()).isEqualTo("""
                    LAST SEEN   TYPE     REASON              OBJECT                       MESSAGE
                    2m30s       Normal   Scheduled           pod/hello-2bbc5fece9-ckc87   Successfully assigned \
                    default/hello-2bbc5fece9-ckc87 to node-1
                    2m30s       Normal   Started             pod/hello-2bbc5fece9-ckc87   Started container hello
                    2m30s       Normal   Scheduled           pod/hello-2bbc5fece9-stl2j   Successfully assigned \
                    default/hello-2bbc5fece9-stl2j to node-2
                    2m30s       Normal   Started             pod/hello-2bbc5fece9-stl2j   Started container hello
                    2m30s       Normal   ScalingReplicaSet   deployment/hello             Scaled up replica set \
                    hello-2bbc5fece9 to 2 from 0
                    """);
        }

        @Test
        void theAliasesAllNamespacesAndOtherNamespacesAreKubectls() {
            assertThat(ok(fake.berth("get", "ev", "-A")).out()).startsWith(
                    "NAMESPACE   LAST SEEN   TYPE     REASON              OBJECT                       MESSAGE\n"
                            + "default     2m30s       Normal   Scheduled           pod/hello-2bbc5fece9-ckc87");
            CliRunner.Result other = fake.berth("get", "event", "-n", "shop");
            assertThat(other.exitCode()).isZero();
            assertThat(other.out()).isEmpty();
            assertThat(other.err()).isEqualTo("No resources found in shop namespace.\n");
        }

        @Test
        void sortsByAFieldOfTheEvents() {
            String sorted = ok(fake.berth("get", "events", "--sort-by", ".reason", "--no-headers")).out();
            assertThat(sorted.lines().map(line -> line.split(" +")[2]).toList()).containsExactly(
                    "ScalingReplicaSet", "Scheduled", "Scheduled", "Started", "Started");
        }

        @Test
        void watchPrintsTheEventsThenEachEventThatIsNewOrCountedAgain() {
            AtomicInteger looks = new AtomicInteger();
            fake.whilePausing(() -> {
                int look = looks.incrementAndGet();
                if (look == 2) {
                    for (String node : List.of("node-1", "node-2")) {
                        InMemoryStateNode state = fake.cluster().node(node).state();
                        state.replaceEvents(state.events().orElseThrow().replace("{\"generation\":1,", "{\"generation\":2,")
                                .replace("\"name\":\"hello-2bbc5fece9-ckc87\",\"message\":\"Started container hello\","
                                        + "\"count\":1,\"firstTimestamp\":\"2026-03-02T09:00:00Z\",\"lastTimestamp\":"
                                        + "\"2026-03-02T09:00:00Z\"", "\"name\":\"hello-2bbc5fece9-ckc87\",\"message\":"
                                        + "\"Started container hello\",\"count\":2,\"firstTimestamp\":"
                                        + "\"2026-03-02T09:00:00Z\",\"lastTimestamp\":\"2026-03-02T09:02:35Z\""));
                    }
                }
                if (look == 3) {
                    Thread.currentThread().interrupt();
                }
            });

            CliRunner.Result watched = fake.berth("get", "events", "-w", "--interval", "5s", "-o", "wide");

            assertThat(watched.exitCode()).as(watched.toString()).isZero();
            List<String> rows = watched.out().lines().toList();
            assertThat(rows).hasSize(7);
            assertThat(rows.get(6)).matches("5s +Normal +Started +pod/hello-2bbc5fece9-ckc87 +berth, node-1 +Started "
                    + "container hello +2m40s +2 +hello-2bbc5fece9-ckc87\\.[0-9a-f]{16}");
        }

        @Test
        void describePodEndsWithItsEvents() {
            assertThat(ok(fake.berth("describe", "pod", "hello-2bbc5fece9-ckc87")).out()).endsWith("""
                        Ports:     10.0.0.11:32768->8080/tcp
                    Events:
                      Type    Reason     Age    From           Message
                      ----    ------     ----   ----           -------
                      Normal  Scheduled  2m30s  berth          Successfully assigned default/hello-2bbc5fece9-ckc87 \
                    to node-1
                      Normal  Started    2m30s  berth, node-1  Started container hello
                    """);
        }

        @Test
        void describeDeploymentShowsThePodTemplateTheConditionsAndItsEvents() {
            assertThat(ok(fake.berth("describe", "deployment", "hello")).out()).contains("""
                    Pod Template:
                      Labels:  app=hello
                      Containers:
                       hello:
                        Image:      berth-registry:5000/berth-hello:v1
                        Port:       8080/TCP
                    """, """
                        Readiness:     http-get http://:http/cgi-bin/health delay=0s timeout=1s period=10s \
                    #success=1 #failure=3
                    """, """
                    Conditions:
                      Type         Status  Reason
                      ----         ------  ------
                      Available    True    MinimumReplicasAvailable
                      Progressing  True    NewReplicaSetAvailable
                    Events:
                      Type    Reason             Age    From   Message
                      ----    ------             ----   ----   -------
                      Normal  ScalingReplicaSet  2m30s  berth  Scaled up replica set hello-2bbc5fece9 to 2 from 0
                    """);
        }

        @Test
        void describeNodeShowsItsEventsOrNone() {
            assertThat(ok(fake.berth("describe", "node", "node-1")).out()).endsWith("Events:  <none>\n");
        }

        @Test
        void aRunWithNothingToDoReadsAndWritesNoEvents() {
            String before = fake.cluster().node("node-1").state().events().orElseThrow();
            fake.cluster().forgetCalls();

            CliRunner.Result reconcile = fake.berth("reconcile");
            assertThat(reconcile.exitCode()).as(reconcile.toString()).isZero();

            assertThat(eventScripts("node-1")).isEmpty();
            assertThat(eventScripts("node-2")).isEmpty();
            assertThat(fake.cluster().node("node-1").state().events()).hasValue(before);
        }

        @Test
        void getPodsOfAClusterInItsDesiredStateDoesNotReadTheEvents() {
            fake.cluster().forgetCalls();

            ok(fake.berth("get", "pods"));

            assertThat(eventScripts("node-1")).isEmpty();
        }

        @Test
        void theNextRunAddsItsEventsAfterTheFirstRunsOnEveryStateNode() {
            fake.cluster().forgetCalls();

            CliRunner.Result scale = fake.berth("scale", "deployment/hello", "--replicas", "3");
            assertThat(scale.exitCode()).as(scale.toString()).isZero();

            assertThat(eventScripts("node-1")).containsExactly("berth-events-read", "berth-events-write");
            for (String node : List.of("node-1", "node-2")) {
                assertThat(fake.cluster().node(node).state().events()).as(node).hasValueSatisfying(json ->
                        assertThat(json).startsWith("{\"generation\":2,")
                                .contains("Scaled up replica set hello-2bbc5fece9 to 3 from 2"));
            }
            assertThat(ok(fake.berth("get", "events")).out()).contains(
                    "2m30s       Normal   ScalingReplicaSet   deployment/hello             Scaled up replica set "
                            + "hello-2bbc5fece9 to 2 from 0\n",
                    "0s          Normal   ScalingReplicaSet   deployment/hello             Scaled up replica set "
                            + "hello-2bbc5fece9 to 3 from 2\n");
        }
    }

    @Nested
    class AnImageThatCannotBePulled {
        @BeforeEach
        void helloWithAnImageTheRegistryDoesNotHave() {
            fake.cluster().image(IMAGE).notInRegistry();
            CliRunner.Result apply = fake.berth("apply", "-f", HELLO);
            assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
            fake.clock().advance(Duration.ofSeconds(30));
        }

        @Test
        void itsReplicasAreListedAsErrImagePullOnTheirNodes() {
            assertThat(ok(fake.berth("get", "pods")).out()).isEqualTo("""
                    NAME                     READY   STATUS         RESTARTS   AGE      NODE
                    hello-2bbc5fece9-ckc87   0/1     ErrImagePull   0          <none>   node-1
                    hello-2bbc5fece9-stl2j   0/1     ErrImagePull   0          <none>   node-2
                    """);
        }

        @Test
        void describeSaysDockersReasonAndTheEventsSayItToo() {
            String reason = "Failed to pull image \"" + IMAGE + "\": exit 125: docker: Error response from daemon: "
                    + "manifest for " + IMAGE + " not found: manifest unknown: manifest unknown.";
            String page = ok(fake.berth("describe", "pod", "hello-2bbc5fece9-ckc87")).out();

            assertThat(page).contains("Node:       node-1\n", "Status:     ErrImagePull\n", "Reason:     " + reason,
                    "  Warning  Failed     30s   berth, node-1  " + reason + "\n",
                    "  Warning  Failed     30s   berth, node-1  Error: ErrImagePull\n");
            assertThat(page).doesNotContain("See 'docker run --help'");
            assertThat(ok(fake.berth("get", "events")).out()).containsPattern(
                    "\n30s +Normal +ScalingReplicaSet +deployment/hello +Scaled up replica set hello-2bbc5fece9 to 2 "
                            + "from 0\n30s +Warning +Failed +deployment/hello +Rollout of revision 1 failed: a new "
                            + "replica could not be started\n");
        }

        @Test
        void asYamlItIsAPodWaitingWithErrImagePull() {
            String yaml = ok(fake.berth("get", "pod", "hello-2bbc5fece9-stl2j", "-o", "yaml")).out();
            assertThat(yaml).contains("  nodeName: node-2\n", "        reason: ErrImagePull\n",
                    "manifest for " + IMAGE + " not found");
        }
    }
}
