package dev.berth.cli.attach;

import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import dev.berth.docker.FakeDocker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code berth logs} against a cluster kept in memory: examples/hello (two replicas, one per node) whose image
 * logs two lines. The fake's {@code docker logs} answers at once with the whole log, so a follow ends each stream
 * at once too; what is asked of docker is read from the commands sent.
 */
class LogsOnFakeClusterTest {
    static final String IMAGE = "berth-registry:5000/berth-hello:v1";
    static final String POD_1 = "hello-2bbc5fece9-ckc87";
    static final String POD_2 = "hello-2bbc5fece9-stl2j";

    FakeClusterCli fake;

    @BeforeEach
    void helloRuns(@TempDir Path directory) throws IOException {
        fake = new FakeClusterCli(directory);
        fake.cluster().image(IMAGE).logs("listening on 8080", "GET /cgi-bin/health 200");
        CliRunner.Result apply = fake.berth("apply", "-f", "examples/hello/");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        fake.cluster().forgetCalls();
    }

    CliRunner.Result ok(String... args) {
        CliRunner.Result result = fake.berth(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    CliRunner.Result refused(int exitCode, String... args) {
        CliRunner.Result result = fake.berth(args);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.out()).isEmpty();
        return result;
    }

    List<List<String>> logCommands() {
        List<List<String>> sent = new ArrayList<>();
        for (String node : List.of("node-1", "node-2")) {
            fake.cluster().commands(node).stream().filter(argv -> argv.size() > 1 && argv.get(1).equals("logs"))
                    .forEach(sent::add);
        }
        return sent;
    }

    String idOf(String node, String pod) {
        return fake.cluster().node(node).docker().containers().stream().filter(c -> pod.equals(c.pod()))
                .map(FakeDocker.Shown::id).findFirst().orElseThrow();
    }

    @Nested
    class OnePod {
        @Test
        void printsItsLinesWithoutPrefix() {
            CliRunner.Result result = ok("logs", POD_2);

            assertThat(result.out()).isEqualTo("listening on 8080\nGET /cgi-bin/health 200\n");
            assertThat(result.err()).isEmpty();
            assertThat(logCommands()).containsExactly(List.of("docker", "logs", "--", idOf("node-2", POD_2)));
        }

        @Test
        void withPrefixAsked() {
            assertThat(ok("logs", "pod/" + POD_1, "--prefix").out()).isEqualTo("""
                    [pod/hello-2bbc5fece9-ckc87/hello] listening on 8080
                    [pod/hello-2bbc5fece9-ckc87/hello] GET /cgi-bin/health 200
                    """);
        }

        @Test
        void asksDockerForTheLastLinesSinceADurationWithTimestamps() {
            CliRunner.Result result = ok("logs", POD_1, "--tail", "1", "--since", "5m", "--timestamps");

            assertThat(result.out()).isEqualTo("2026-03-02T09:00:00Z GET /cgi-bin/health 200\n");
            assertThat(logCommands()).containsExactly(List.of("docker", "logs", "--timestamps", "--since", "300s",
                    "--tail", "1", "--", idOf("node-1", POD_1)));
        }

        @Test
        void theContainerMayBeNamedAfterThePod() {
            assertThat(ok("logs", POD_1, "hello").out()).startsWith("listening on 8080\n");
            assertThat(ok("logs", POD_1, "-c", "hello").out()).startsWith("listening on 8080\n");
        }

        @Test
        void aContainerThePodHasNotIsBadInput() {
            assertThat(refused(2, "logs", POD_1, "-c", "sidecar").err()).isEqualTo("error: container sidecar is not "
                    + "valid for pod hello-2bbc5fece9-ckc87 (its containers: hello)\n");
        }

        @Test
        void aPodNoNodeHasIsNotFound() {
            assertThat(refused(2, "logs", "nope").err())
                    .isEqualTo("error: pods \"nope\" not found in default namespace\n");
            assertThat(refused(2, "logs", POD_1, "-n", "shop").err())
                    .isEqualTo("error: pods \"" + POD_1 + "\" not found in shop namespace\n");
        }

        @Test
        void previousOfAContainerDockerNeverRestartedIsNotFound() {
            assertThat(refused(2, "logs", POD_1, "--previous").err()).isEqualTo("error: previous terminated container "
                    + "\"hello\" in pod \"" + POD_1 + "\" not found (docker has not restarted it)\n");
        }

        @Test
        void previousOfARestartedContainerEndsWhereItsCurrentStartBegan() {
            fake.clock().advance(Duration.ofMinutes(1));
            fake.cluster().node("node-1").docker().crashLoop(POD_1, 2);

            ok("logs", POD_1, "-p");

            List<String> sent = logCommands().get(0);
            assertThat(sent.subList(0, 3)).containsExactly("docker", "logs", "--until");
            assertThat(sent.get(3)).matches("2026-03-02T09:0[0-9]:[0-9.]+Z");
            assertThat(sent.subList(4, 6)).containsExactly("--", idOf("node-1", POD_1));
        }
    }

    @Nested
    class SeveralPods {
        @Test
        void everyReplicaOfADeploymentAcrossNodesEachLinePrefixed() {
            CliRunner.Result result = ok("logs", "deployment/hello");

            assertThat(result.out()).isEqualTo("""
                    [pod/hello-2bbc5fece9-ckc87/hello] listening on 8080
                    [pod/hello-2bbc5fece9-ckc87/hello] GET /cgi-bin/health 200
                    [pod/hello-2bbc5fece9-stl2j/hello] listening on 8080
                    [pod/hello-2bbc5fece9-stl2j/hello] GET /cgi-bin/health 200
                    """);
            assertThat(logCommands()).containsExactly(
                    List.of("docker", "logs", "--", idOf("node-1", POD_1)),
                    List.of("docker", "logs", "--", idOf("node-2", POD_2)));
        }

        @Test
        void prefixesMayBeTurnedOff() {
            assertThat(ok("logs", "deploy/hello", "--prefix=false").out()).isEqualTo("""
                    listening on 8080
                    GET /cgi-bin/health 200
                    listening on 8080
                    GET /cgi-bin/health 200
                    """);
        }

        @Test
        void bySelectorTheLastTenLinesOfEachAsKubectlDoes() {
            ok("logs", "-l", "app=hello");

            assertThat(logCommands()).allSatisfy(argv -> assertThat(argv).containsSequence("--tail", "10"));
            assertThat(logCommands()).hasSize(2);
        }

        @Test
        void aSelectorThatPicksNothingSaysSo() {
            CliRunner.Result result = ok("logs", "-l", "app=nothing");

            assertThat(result.out()).isEmpty();
            assertThat(result.err()).isEqualTo("No resources found in default namespace.\n");
        }

        @Test
        void aDeploymentWithoutReplicasIsNotFound() {
            assertThat(refused(2, "logs", "deploy/web").err())
                    .isEqualTo("error: no replicas of deployment/web found in default namespace\n");
        }

        @Test
        void anUnreachableNodeIsWarnedOfAndExitsThree() {
            fake.cluster().node("node-2").unreachable("connection refused");

            CliRunner.Result result = fake.berth("logs", "deploy/hello");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.out()).isEqualTo("""
                    listening on 8080
                    GET /cgi-bin/health 200
                    """);
            assertThat(result.err()).isEqualTo("warning: Unreachable: node-2 (10.0.0.12:22): connection refused\n");
        }

        @Test
        void followingMoreStreamsThanAllowedIsRefusedInKubectlsWords() {
            assertThat(refused(2, "logs", "-f", "deploy/hello", "--max-log-requests", "1").err())
                    .isEqualTo("error: you are attempting to follow 2 log streams, but maximum allowed concurrency "
                            + "is 1, use --max-log-requests to increase the limit\n");
        }
    }

    @Nested
    class FollowingThroughARollout {
        @Test
        void newReplicasJoinAndOldOnesLeaveWithANote() {
            AtomicInteger pauses = new AtomicInteger();
            List<CliRunner.Result> restarts = new ArrayList<>();
            fake.whilePausing(() -> {
                int pause = pauses.incrementAndGet();
                if (pause == 1) {
                    // the rollout's own waits come here too, and go on
                    restarts.add(fake.berth("rollout", "restart", "deploy/hello"));
                } else if (restarts.size() == 1 && restarted()) {
                    // the run's next look found the new replicas; the one after that ends it, as Ctrl-C would
                    Thread.currentThread().interrupt();
                }
            });

            CliRunner.Result result = ok("logs", "-f", "deploy/hello");

            assertThat(restarts).singleElement().satisfies(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
            List<String> pods = podNames();
            assertThat(pods).hasSize(2).doesNotContain(POD_1, POD_2);
            assertThat(result.out()).contains("[pod/" + POD_1 + "/hello] listening on 8080\n",
                    "[pod/" + POD_2 + "/hello] listening on 8080\n",
                    "[pod/" + pods.get(0) + "/hello] listening on 8080\n",
                    "[pod/" + pods.get(1) + "/hello] listening on 8080\n");
            assertThat(result.err()).contains("pod/" + POD_1 + "/hello left (the replica is gone)\n",
                    "pod/" + POD_2 + "/hello left (the replica is gone)\n");
            assertThat(result.err()).containsPattern("following pod/" + pods.get(0) + "/hello on node-[12] \\(new replica\\)");
            assertThat(result.err()).containsPattern("following pod/" + pods.get(1) + "/hello on node-[12] \\(new replica\\)");
        }

        private boolean restarted() {
            return podNames().stream().noneMatch(name -> name.equals(POD_1) || name.equals(POD_2));
        }

        private List<String> podNames() {
            List<String> names = new ArrayList<>();
            for (String node : List.of("node-1", "node-2")) {
                fake.cluster().node(node).docker().containers().stream().map(FakeDocker.Shown::pod)
                        .filter(pod -> pod != null && pod.startsWith("hello-")).forEach(names::add);
            }
            return names;
        }

        @Test
        void aPodNamedIsFollowedToTheEndOfItsStreamWithoutLookingAgain() {
            CliRunner.Result result = ok("logs", "-f", POD_1);

            assertThat(result.out()).isEqualTo("listening on 8080\nGET /cgi-bin/health 200\n");
            assertThat(logCommands()).containsExactly(
                    List.of("docker", "logs", "--follow", "--", idOf("node-1", POD_1)));
        }
    }

    @Nested
    class Usage {
        @Test
        void aPodOrASelectorIsNeeded() {
            assertThat(refused(2, "logs").err()).startsWith("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) "
                    + "[-c CONTAINER]'. POD or TYPE/NAME is a required argument for the logs command\n");
        }

        @Test
        void notBoth() {
            assertThat(refused(2, "logs", POD_1, "-l", "app=hello").err())
                    .isEqualTo("error: only a selector (-l) or a POD name is allowed\n");
        }

        @Test
        void followAndPreviousExcludeEachOther() {
            assertThat(refused(2, "logs", POD_1, "-f", "-p").err())
                    .isEqualTo("error: only one of follow (-f) or previous (-p) is allowed\n");
        }

        @Test
        void otherTypesAreRefused() {
            assertThat(refused(2, "logs", "svc/hello").err()).isEqualTo("error: cannot attach to \"svc/hello\": use "
                    + "POD, pod/NAME or deployment/NAME (deploy/NAME)\n");
        }

        @Test
        void aBadDurationIsRefusedBeforeAnyServerIsAsked() {
            CliRunner.Result result = refused(2, "logs", POD_1, "--since", "soon");

            assertThat(result.err()).contains("not a duration: \"soon\"");
            assertThat(fake.cluster().calls()).isEmpty();
        }
    }
}
