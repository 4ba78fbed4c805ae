package dev.berth.cli.converge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import dev.berth.docker.FakeApp;
import dev.berth.docker.FakeDocker;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rollouts driven to their end by the command that changes the template, against a cluster kept in memory
 * ({@link FakeClusterCli}: two nodes, a clock that moves only when berth waits). A Deployment {@code web} of four
 * replicas, {@code maxSurge: 1}, {@code maxUnavailable: 0} and {@code progressDeadlineSeconds: 30}, with an httpGet
 * readiness probe, goes from v1 to v2; the fake's containers answer the probes as each test makes its image
 * answer. Every output is exact.
 */
class RolloutOnFakeClusterTest {
    private static final String V1 = "registry.example/web:v1";
    private static final String V2 = "registry.example/web:v2";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private FakeClusterCli fake;

    @BeforeEach
    void webRunsV1() throws IOException {
        fake = new FakeClusterCli(directory);
        ok(fake.berth("apply", "-f", web(V1).toString()));
        fake.clock().advance(Duration.ofMinutes(10));
        fake.cluster().forgetCalls();
    }

    /**
     * The Deployment web at {@code image}, written to {@code web-TAG.yaml}; each line goes into its spec (a
     * {@code strategy:} replaces maxSurge 1 and maxUnavailable 0), or into its container when it starts with
     * {@code container:}.
     */
    private Path web(String image, String... lines) throws IOException {
        List<String> spec = Stream.of(lines).filter(line -> !line.startsWith("container:")).toList();
        List<String> container = Stream.of(lines).filter(line -> line.startsWith("container:"))
                .map(line -> line.substring("container:".length()).strip()).toList();
        StringBuilder yaml = new StringBuilder("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: 4
                  progressDeadlineSeconds: 30
                  selector: {matchLabels: {app: web}}
                """);
        if (spec.stream().noneMatch(line -> line.startsWith("strategy:"))) {
            yaml.append("  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}\n");
        }
        spec.forEach(line -> yaml.append("  ").append(line).append('\n'));
        yaml.append("""
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                        - name: web
                          image: IMAGE
                          ports: [{name: http, containerPort: 8080}]
                          readinessProbe: {httpGet: {path: /ready, port: http}, periodSeconds: 2}
                          resources: {requests: {cpu: 100m, memory: 64Mi}}
                """.replace("IMAGE", image));
        container.forEach(line -> yaml.append("          ").append(line).append('\n'));
        return Files.writeString(directory.resolve("web-" + image.substring(image.lastIndexOf(':') + 1) + ".yaml"),
                yaml.toString());
    }

    private static CliRunner.Result ok(CliRunner.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    /** Every container of the cluster: {@code node-1 web-4b61915223-ckc87 v2 running}, by node then start. */
    private List<String> containers() {
        List<String> all = new ArrayList<>();
        for (String node : List.of("node-1", "node-2")) {
            fake.cluster().node(node).docker().containers().forEach(c -> all.add(node + " " + c.pod() + " "
                    + c.image().substring(c.image().lastIndexOf(':') + 1) + " " + c.status()));
        }
        return all;
    }

    /** How many containers of each image run: {@code {v1=4}}. */
    private Map<String, Long> running() {
        Map<String, Long> count = new TreeMap<>();
        for (String node : List.of("node-1", "node-2")) {
            fake.cluster().node(node).docker().containers().stream().filter(c -> c.status().equals("running"))
                    .forEach(c -> count.merge(c.image().substring(c.image().lastIndexOf(':') + 1), 1L, Long::sum));
        }
        return count;
    }

    /** The Deployment web as the record on the cluster stores it. */
    private JsonNode storedWeb() throws IOException {
        JsonNode record = JSON.readTree(fake.cluster().node("node-1").state().record().orElseThrow());
        return JSON.readTree(record.path("applied").path("Deployment/default/web").asText());
    }

    /** The revisions the record keeps of web: {@code 1 v1}, oldest first. */
    private List<String> storedRevisions() throws IOException {
        JsonNode record = JSON.readTree(fake.cluster().node("node-1").state().record().orElseThrow());
        List<String> revisions = new ArrayList<>();
        for (JsonNode revision : record.path("revisions").path("default/web")) {
            String image = revision.path("template").path("spec").path("containers").get(0).path("image").asText();
            revisions.add(revision.path("number").asLong() + " " + image.substring(image.lastIndexOf(':') + 1));
        }
        return revisions;
    }

    /** The commands sent to any node that remove a container: {@code node-1 <container id>}. */
    private List<String> removals() {
        String script = NodeCommands.removeContainer("0".repeat(64)).get(2);
        return fake.cluster().calls().stream().filter(FakeCluster.Call.Command.class::isInstance)
                .map(FakeCluster.Call.Command.class::cast)
                .filter(command -> command.argv().size() == 5 && command.argv().get(2).equals(script))
                .map(command -> command.node() + " " + command.argv().get(4)).toList();
    }

    @Nested
    class ANewVersionThatBecomesReady {
        private final List<String> changes = new ArrayList<>();
        private final List<String> violations = new ArrayList<>();
        private CliRunner.Result applied;

        /**
         * After every command berth sends, counts what runs and what answers its readiness probe, from the fake's
         * own state: the containers that came and went since the last command, and any moment with more than
         * five running or fewer than four ready.
         */
        @BeforeEach
        void applyV2WhileCounting() throws IOException {
            fake.cluster().image(V2).serves(visit -> visit.uptime().compareTo(Duration.ofSeconds(6)) < 0 ? 503 : 200);
            List<String> before = new ArrayList<>(containers());
            fake.cluster().onEachCall(call -> {
                List<String> now = containers();
                now.stream().filter(c -> !before.contains(c)).forEach(c -> changes.add("+ " + c));
                before.stream().filter(c -> !now.contains(c)).forEach(c -> changes.add("- " + c));
                before.clear();
                before.addAll(now);
                long running = 0;
                long ready = 0;
                for (String node : List.of("node-1", "node-2")) {
                    FakeDocker docker = fake.cluster().node(node).docker();
                    for (FakeDocker.Shown c : docker.containers()) {
                        running += c.status().equals("running") ? 1 : 0;
                        int status = docker.visit(c.address(), 8080, "/ready").orElse(FakeApp.REFUSED);
                        ready += status >= 200 && status < 400 ? 1 : 0;
                    }
                }
                if (running > 5 || ready < 4) {
                    violations.add(running + " running, " + ready + " ready after " + call);
                }
            });
            applied = fake.berth("apply", "-f", web(V2).toString());
        }

        @Test
        void endsWithEveryReplicaOnV2AndExitsZero() {
            assertThat(applied.exitCode()).as(applied.toString()).isZero();
            assertThat(applied.out()).isEqualTo("deployment.apps/web configured\n");
            assertThat(running()).containsExactly(Map.entry("v2", 4L));
        }

        @Test
        void startsOneNewReplicaAtATimeAndRemovesAnOldOneOnlyOnceTheNewOneIsReady() {
            assertThat(changes).containsExactly(
                    "+ node-1 web-4b61915223-ckc87 v2 running",
                    "- node-1 web-e62ae92598-7ll6r v1 running",
                    "+ node-2 web-4b61915223-stl2j v2 running",
                    "- node-2 web-e62ae92598-stl2j v1 running",
                    "+ node-1 web-4b61915223-7ll6r v2 running",
                    "- node-1 web-e62ae92598-ckc87 v1 running",
                    "+ node-2 web-4b61915223-x78j4 v2 running",
                    "- node-2 web-e62ae92598-x78j4 v1 running");
            assertThat(violations).isEmpty();
        }

        @Test
        void saysHowFarTheRolloutIsBeforeEachWave() {
            assertThat(applied.err()).isEqualTo("""
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 0 out of 4 new \
                    replicas have been updated...
                    node-1: ensure network berth
                    node-1: pull registry.example/web:v2 (if missing)
                    node-1: start container default_web-4b61915223-ckc87_web (registry.example/web:v2)
                    node-2: pull registry.example/web:v2 (if missing)
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 1 out of 4 new \
                    replicas have been updated...
                    node-1: remove container default_web-e62ae92598-7ll6r_web (spec changed)
                    node-1: clean up files of web-e62ae92598-7ll6r
                    node-2: ensure network berth
                    node-2: start container default_web-4b61915223-stl2j_web (registry.example/web:v2)
                    2026-03-02T09:10:06Z Waiting for deployment "default/web" rollout to finish: 2 out of 4 new \
                    replicas have been updated...
                    node-2: remove container default_web-e62ae92598-stl2j_web (spec changed)
                    node-2: clean up files of web-e62ae92598-stl2j
                    node-1: ensure network berth
                    node-1: start container default_web-4b61915223-7ll6r_web (registry.example/web:v2)
                    2026-03-02T09:10:12Z Waiting for deployment "default/web" rollout to finish: 3 out of 4 new \
                    replicas have been updated...
                    node-1: remove container default_web-e62ae92598-ckc87_web (spec changed)
                    node-1: clean up files of web-e62ae92598-ckc87
                    node-2: ensure network berth
                    node-2: start container default_web-4b61915223-x78j4_web (registry.example/web:v2)
                    2026-03-02T09:10:18Z Waiting for deployment "default/web" rollout to finish: 1 old replicas are \
                    pending termination...
                    node-2: remove container default_web-e62ae92598-x78j4_web (spec changed)
                    node-2: clean up files of web-e62ae92598-x78j4
                    2026-03-02T09:10:24Z deployment "default/web" successfully rolled out
                    apply: 18 steps done on 2 nodes
                    """);
        }
    }

    @Nested
    class ANewVersionThatNeverBecomesReady {
        private CliRunner.Result applied;

        @BeforeEach
        void applyV2() throws IOException {
            fake.cluster().image(V2).serves(FakeApp.serving(500));
            applied = fake.berth("apply", "-f", web(V2).toString());
        }

        @Test
        void exitsThreeNamingTheReplicaItsNodeAndWhatTheProbeGot() {
            assertThat(applied.exitCode()).as(applied.toString()).isEqualTo(3);
            assertThat(applied.out()).isEqualTo("deployment.apps/web configured\n");
            assertThat(applied.err()).isEqualTo("""
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 0 out of 4 new \
                    replicas have been updated...
                    node-1: ensure network berth
                    node-1: pull registry.example/web:v2 (if missing)
                    node-1: start container default_web-4b61915223-ckc87_web (registry.example/web:v2)
                    node-2: pull registry.example/web:v2 (if missing)
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 1 out of 4 new \
                    replicas have been updated...
                    2026-03-02T09:10:30Z deployment "default/web" revision 2 failed: no progress within \
                    progressDeadlineSeconds (30s): 1 of 4 replicas updated, 4 available; rolling back to revision 1
                    2026-03-02T09:10:30Z Waiting for deployment "default/web" rollout to finish: 1 old replicas are \
                    pending termination...
                    node-1: remove container default_web-4b61915223-ckc87_web (spec changed)
                    node-1: clean up files of web-4b61915223-ckc87
                    2026-03-02T09:10:30Z deployment "default/web" rolled back to revision 1
                    apply: 6 steps done on 2 nodes
                    error: rollout of deployment "default/web" revision 2 failed: no progress within \
                    progressDeadlineSeconds (30s): 1 of 4 replicas updated, 4 available
                      pod web-4b61915223-ckc87 on node-1: Running, HTTP probe failed with statuscode: 500
                    deployment "default/web" rolled back to revision 1 on every node
                    """);
        }

        @Test
        void leavesEveryReplicaOnV1AndNoContainerOfV2() {
            assertThat(containers()).containsExactly(
                    "node-1 web-e62ae92598-ckc87 v1 running",
                    "node-1 web-e62ae92598-7ll6r v1 running",
                    "node-2 web-e62ae92598-stl2j v1 running",
                    "node-2 web-e62ae92598-x78j4 v1 running");
        }

        @Test
        void storesV1AgainAsTheNewestRevisionSoThatTheV1FilesAreInSync() throws IOException {
            assertThat(storedWeb().path("spec").path("template").path("spec").path("containers").get(0)
                    .path("image").asText()).isEqualTo(V1);
            assertThat(storedRevisions()).containsExactly("2 v2", "3 v1");
            CliRunner.Result diff = fake.berth("diff", "-f", web(V1).toString());
            assertThat(diff.exitCode()).as(diff.toString()).isZero();
        }
    }

    @Nested
    class ARollback {
        /**
         * With maxSurge 0 and maxUnavailable 1 the failed rollout took a v1 replica away; the rollback starts it
         * again, and v1 takes 30 seconds to answer: the run waits for it past its --timeout.
         */
        @Test
        void isCarriedToItsEndPastTheRunsTimeout() throws IOException {
            fake.cluster().image(V1).serves(FakeApp.listeningAfter(Duration.ofSeconds(30)));
            fake.cluster().image(V2).serves(FakeApp.serving(500));
            String strategy = "strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}";
            ok(fake.berth("apply", "-f", web(V1, strategy).toString()));

            CliRunner.Result applied = fake.berth("apply", "-f", web(V2, strategy).toString(), "--timeout", "40s");

            assertThat(applied.exitCode()).as(applied.toString()).isEqualTo(3);
            assertThat(applied.err()).isEqualTo("""
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 0 out of 4 new \
                    replicas have been updated...
                    node-1: pull registry.example/web:v2 (if missing)
                    node-2: pull registry.example/web:v2 (if missing)
                    node-1: remove container default_web-e62ae92598-7ll6r_web (spec changed)
                    node-1: clean up files of web-e62ae92598-7ll6r
                    node-1: ensure network berth
                    node-1: pull registry.example/web:v2 (if missing)
                    node-1: start container default_web-4b61915223-ckc87_web (registry.example/web:v2)
                    node-2: pull registry.example/web:v2 (if missing)
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 1 out of 4 new \
                    replicas have been updated...
                    2026-03-02T09:10:30Z deployment "default/web" revision 2 failed: no progress within \
                    progressDeadlineSeconds (30s): 1 of 4 replicas updated, 3 available; rolling back to revision 1
                    2026-03-02T09:10:30Z Waiting for deployment "default/web" rollout to finish: 3 out of 4 new \
                    replicas have been updated...
                    node-1: remove container default_web-4b61915223-ckc87_web (spec changed)
                    node-1: clean up files of web-4b61915223-ckc87
                    node-1: ensure network berth
                    node-1: start container default_web-e62ae92598-7ll6r_web (registry.example/web:v1)
                    2026-03-02T09:10:30Z Waiting for deployment "default/web" rollout to finish: 3 of 4 updated \
                    replicas are available...
                    2026-03-02T09:11:00Z deployment "default/web" rolled back to revision 1
                    apply: 12 steps done on 2 nodes
                    error: rollout of deployment "default/web" revision 2 failed: no progress within \
                    progressDeadlineSeconds (30s): 1 of 4 replicas updated, 3 available
                      pod web-4b61915223-ckc87 on node-1: Running, HTTP probe failed with statuscode: 500
                    deployment "default/web" rolled back to revision 1 on every node
                    """);
            assertThat(running()).containsExactly(Map.entry("v1", 4L));
        }
    }

    @Nested
    class ANewVersionThatCrashLoops {
        @Test
        void exitsThreeWithTheExitCodeRestartsAndLastLogLinesAndRollsBack() throws IOException {
            fake.cluster().image(V2).crashLoops(1).logs("starting web v2", "reading /etc/web/config.yaml",
                    "fatal: config.yaml: no such file or directory");

            CliRunner.Result applied = fake.berth("apply", "-f", web(V2).toString());

            assertThat(applied.exitCode()).as(applied.toString()).isEqualTo(3);
            assertThat(applied.err()).isEqualTo("""
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 0 out of 4 new \
                    replicas have been updated...
                    node-1: ensure network berth
                    node-1: pull registry.example/web:v2 (if missing)
                    node-1: start container default_web-4b61915223-ckc87_web (registry.example/web:v2)
                    node-2: pull registry.example/web:v2 (if missing)
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 1 out of 4 new \
                    replicas have been updated...
                    2026-03-02T09:10:00Z deployment "default/web" revision 2 failed: 1 of 1 new replicas crashed; \
                    rolling back to revision 1
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 1 old replicas are \
                    pending termination...
                    node-1: remove container default_web-4b61915223-ckc87_web (spec changed)
                    node-1: clean up files of web-4b61915223-ckc87
                    2026-03-02T09:10:00Z deployment "default/web" rolled back to revision 1
                    apply: 6 steps done on 2 nodes
                    error: rollout of deployment "default/web" revision 2 failed: 1 of 1 new replicas crashed
                      pod web-4b61915223-ckc87 on node-1: CrashLoopBackOff, exit code 1, restarted 1 time
                      last lines of its log:
                        web-4b61915223-ckc87: starting web v2
                        web-4b61915223-ckc87: reading /etc/web/config.yaml
                        web-4b61915223-ckc87: fatal: config.yaml: no such file or directory
                    deployment "default/web" rolled back to revision 1 on every node
                    """);
            assertThat(running()).containsExactly(Map.entry("v1", 4L));
            assertThat(containers()).noneMatch(c -> c.contains(" v2 "));
        }
    }

    @Nested
    class ANewDeploymentThatCrashLoops {
        @Test
        void exitsThreeAndLeavesItAsItIsForThereIsNothingToRollBackTo() throws IOException {
            fake.cluster().image("registry.example/api:v1").crashLoops(2).logs("api: cannot bind :8080");
            Path api = Files.writeString(directory.resolve("api.yaml"), """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: api}
                    spec:
                      replicas: 1
                      selector: {matchLabels: {app: api}}
                      template:
                        metadata: {labels: {app: api}}
                        spec:
                          containers: [{name: api, image: "registry.example/api:v1"}]
                    """);

            CliRunner.Result applied = fake.berth("apply", "-f", api.toString());

            assertThat(applied.exitCode()).as(applied.toString()).isEqualTo(3);
            assertThat(applied.out()).isEqualTo("deployment.apps/api created\n");
            assertThat(applied.err()).isEqualTo("""
                    2026-03-02T09:10:00Z Waiting for deployment "default/api" rollout to finish: 0 out of 1 new \
                    replicas have been updated...
                    node-1: ensure network berth
                    node-1: start container default_api-6bc85ac7e7-ckc87_api (registry.example/api:v1)
                    2026-03-02T09:10:00Z Waiting for deployment "default/api" rollout to finish: 0 of 1 updated \
                    replicas are available...
                    2026-03-02T09:10:00Z deployment "default/api" revision 1 failed: 1 of 1 new replicas crashed; no \
                    earlier revision to roll back to
                    apply: 2 steps done on 1 node
                    error: rollout of deployment "default/api" revision 1 failed: 1 of 1 new replicas crashed
                      pod api-6bc85ac7e7-ckc87 on node-1: CrashLoopBackOff, exit code 2, restarted 1 time
                      last lines of its log:
                        api-6bc85ac7e7-ckc87: api: cannot bind :8080
                    deployment "default/api" has no earlier revision to roll back to; its replicas are left as they \
                    are: fix it and apply again
                    """);
        }
    }

    @Nested
    class WithoutAutomaticRollback {
        @Test
        void pausesTheFailedRolloutAndSaysSo() throws IOException {
            fake.cluster().image(V2).serves(FakeApp.serving(500));

            CliRunner.Result applied = fake.berth("apply", "-f", web(V2).toString(),
                    "--no-auto-rollback");

            assertThat(applied.exitCode()).as(applied.toString()).isEqualTo(3);
            assertThat(applied.err()).isEqualTo("""
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 0 out of 4 new \
                    replicas have been updated...
                    node-1: ensure network berth
                    node-1: pull registry.example/web:v2 (if missing)
                    node-1: start container default_web-4b61915223-ckc87_web (registry.example/web:v2)
                    node-2: pull registry.example/web:v2 (if missing)
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 1 out of 4 new \
                    replicas have been updated...
                    2026-03-02T09:10:30Z deployment "default/web" revision 2 failed: no progress within \
                    progressDeadlineSeconds (30s): 1 of 4 replicas updated, 4 available; paused (--no-auto-rollback)
                    apply: 4 steps done on 2 nodes
                    error: rollout of deployment "default/web" revision 2 failed: no progress within \
                    progressDeadlineSeconds (30s): 1 of 4 replicas updated, 4 available
                      pod web-4b61915223-ckc87 on node-1: Running, HTTP probe failed with statuscode: 500
                    deployment "default/web" is paused; fix it and apply again, or berth rollout undo deployment/web
                    """);
            assertThat(storedWeb().path("spec").path("paused").asBoolean()).isTrue();
            assertThat(storedRevisions()).containsExactly("1 v1", "2 v2");
            assertThat(containers()).containsExactly(
                    "node-1 web-e62ae92598-ckc87 v1 running",
                    "node-1 web-e62ae92598-7ll6r v1 running",
                    "node-1 web-4b61915223-ckc87 v2 running",
                    "node-2 web-e62ae92598-stl2j v1 running",
                    "node-2 web-e62ae92598-x78j4 v1 running");
        }
    }

    @Nested
    class AWrongTag {
        @Test
        void failsAtThePullBeforeAnythingIsStoppedWithDockersMessage() throws IOException {
            fake.cluster().image(V2).notInRegistry();

            CliRunner.Result applied = fake.berth("apply", "-f", web(V2).toString());

            assertThat(applied.exitCode()).as(applied.toString()).isEqualTo(3);
            assertThat(applied.err()).isEqualTo("""
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 0 out of 4 new \
                    replicas have been updated...
                    node-1: ensure network berth
                    node-1: pull registry.example/web:v2 (if missing): FAILED: exit 1: Error response from daemon: \
                    manifest for registry.example/web:v2 not found: manifest unknown: manifest unknown
                    node-1: start container default_web-4b61915223-ckc87_web (registry.example/web:v2): skipped
                    node-2: pull registry.example/web:v2 (if missing): FAILED: exit 1: Error response from daemon: \
                    manifest for registry.example/web:v2 not found: manifest unknown: manifest unknown
                    2026-03-02T09:10:00Z deployment "default/web" revision 2 failed: the new image could not be \
                    pulled; rolling back to revision 1
                    2026-03-02T09:10:00Z deployment "default/web" rolled back to revision 1
                    apply: 1 step done on 2 nodes, 2 failed, 1 skipped
                    error: rollout of deployment "default/web" revision 2 failed: the new image could not be pulled
                      node-1: pull registry.example/web:v2 (if missing): exit 1: Error response from daemon: manifest \
                    for registry.example/web:v2 not found: manifest unknown: manifest unknown
                      node-2: pull registry.example/web:v2 (if missing): exit 1: Error response from daemon: manifest \
                    for registry.example/web:v2 not found: manifest unknown: manifest unknown
                    deployment "default/web" rolled back to revision 1 on every node
                    """);
            assertThat(removals()).isEmpty();
            assertThat(running()).containsExactly(Map.entry("v1", 4L));
        }
    }

    @Nested
    class ATimeout {
        @Test
        void endsTheRunAndTheNextReconcileCompletesTheRollout() throws IOException {
            fake.cluster().image(V2).serves(FakeApp.serving(503));

            CliRunner.Result applied = fake.berth("apply", "-f", web(V2).toString(), "--timeout", "20s");

            assertThat(applied.exitCode()).as("the cluster did not reach the desired state in time: " + applied)
                    .isEqualTo(3);
            assertThat(applied.err()).isEqualTo("""
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 0 out of 4 new \
                    replicas have been updated...
                    node-1: ensure network berth
                    node-1: pull registry.example/web:v2 (if missing)
                    node-1: start container default_web-4b61915223-ckc87_web (registry.example/web:v2)
                    node-2: pull registry.example/web:v2 (if missing)
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 1 out of 4 new \
                    replicas have been updated...
                    2026-03-02T09:10:20Z the rollout goes on at the next run (reconcile, or rollout status): \
                    default/web 1/4 updated, 4 available
                    apply: 4 steps done on 2 nodes
                    error: timed out waiting for replicas: default/web 1/4 updated, 4 available
                    """);
            assertThat(running()).containsExactly(Map.entry("v1", 4L), Map.entry("v2", 1L));

            fake.clock().advance(Duration.ofMinutes(1));
            fake.cluster().image(V2).serves(FakeApp.serving(200));
            CliRunner.Result reconciled = fake.berth("reconcile");

            assertThat(reconciled.exitCode()).as(reconciled.toString()).isZero();
            assertThat(reconciled.out()).isEmpty();
            assertThat(reconciled.err()).isEqualTo("""
                    2026-03-02T09:11:20Z deployment "default/web": an earlier run left the rollout of revision 2 \
                    unfinished (1 of 4 replicas updated); carrying it on
                    2026-03-02T09:11:20Z Waiting for deployment "default/web" rollout to finish: 1 out of 4 new \
                    replicas have been updated...
                    node-1: remove container default_web-e62ae92598-7ll6r_web (spec changed)
                    node-1: clean up files of web-e62ae92598-7ll6r
                    node-2: ensure network berth
                    node-2: start container default_web-4b61915223-stl2j_web (registry.example/web:v2)
                    2026-03-02T09:11:20Z Waiting for deployment "default/web" rollout to finish: 2 out of 4 new \
                    replicas have been updated...
                    node-2: remove container default_web-e62ae92598-stl2j_web (spec changed)
                    node-2: clean up files of web-e62ae92598-stl2j
                    node-1: ensure network berth
                    node-1: start container default_web-4b61915223-7ll6r_web (registry.example/web:v2)
                    2026-03-02T09:11:20Z Waiting for deployment "default/web" rollout to finish: 3 out of 4 new \
                    replicas have been updated...
                    node-1: remove container default_web-e62ae92598-ckc87_web (spec changed)
                    node-1: clean up files of web-e62ae92598-ckc87
                    node-2: ensure network berth
                    node-2: start container default_web-4b61915223-x78j4_web (registry.example/web:v2)
                    2026-03-02T09:11:20Z Waiting for deployment "default/web" rollout to finish: 1 old replicas are \
                    pending termination...
                    node-2: remove container default_web-e62ae92598-x78j4_web (spec changed)
                    node-2: clean up files of web-e62ae92598-x78j4
                    2026-03-02T09:11:20Z deployment "default/web" successfully rolled out
                    reconcile: 14 steps done on 2 nodes
                    """);
            assertThat(running()).containsExactly(Map.entry("v2", 4L));
        }

        @Test
        void endsTheRunAndTheNextReconcileRollsBackOnceTheProgressDeadlineHasPassed() throws IOException {
            fake.cluster().image(V2).serves(FakeApp.serving(503));
            assertThat(fake.berth("apply", "-f", web(V2).toString(), "--timeout", "20s").exitCode()).isEqualTo(3);

            fake.clock().advance(Duration.ofMinutes(1));
            CliRunner.Result reconciled = fake.berth("reconcile");

            assertThat(reconciled.exitCode()).as(reconciled.toString()).isEqualTo(3);
            assertThat(reconciled.err()).isEqualTo("""
                    2026-03-02T09:11:20Z deployment "default/web": an earlier run left the rollout of revision 2 \
                    unfinished (1 of 4 replicas updated); carrying it on
                    2026-03-02T09:11:20Z Waiting for deployment "default/web" rollout to finish: 1 out of 4 new \
                    replicas have been updated...
                    2026-03-02T09:11:20Z deployment "default/web" revision 2 failed: no progress within \
                    progressDeadlineSeconds (30s): 1 of 4 replicas updated, 4 available; rolling back to revision 1
                    2026-03-02T09:11:20Z Waiting for deployment "default/web" rollout to finish: 1 old replicas are \
                    pending termination...
                    node-1: remove container default_web-4b61915223-ckc87_web (spec changed)
                    node-1: clean up files of web-4b61915223-ckc87
                    2026-03-02T09:11:20Z deployment "default/web" rolled back to revision 1
                    reconcile: 2 steps done on 1 node
                    error: rollout of deployment "default/web" revision 2 failed: no progress within \
                    progressDeadlineSeconds (30s): 1 of 4 replicas updated, 4 available
                      pod web-4b61915223-ckc87 on node-1: Running, HTTP probe failed with statuscode: 503
                    deployment "default/web" rolled back to revision 1 on every node
                    """);
            assertThat(running()).containsExactly(Map.entry("v1", 4L));
            assertThat(storedRevisions()).containsExactly("2 v2", "3 v1");
        }
    }

    /** The run dies while it waits for a new replica, as berth killed with SIGKILL would. */
    static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    @Nested
    class AnInterruptedRollout {
        @Test
        void isCarriedToTheNewRevisionByTheNextReconcile() throws IOException {
            fake.cluster().image(V2).serves(visit -> visit.uptime().compareTo(Duration.ofSeconds(6)) < 0 ? 503 : 200);
            fake.whilePausing(() -> {
                if (running().getOrDefault("v2", 0L) == 2) {
                    throw new Killed();
                }
            });
            Path v2 = web(V2);
            assertThatThrownBy(() -> fake.berth("apply", "-f", v2.toString())).isInstanceOf(Killed.class);
            fake.whilePausing(() -> { });
            assertThat(running()).containsExactly(Map.entry("v1", 3L), Map.entry("v2", 2L));
            assertThat(storedRevisions()).containsExactly("1 v1", "2 v2");

            fake.clock().advance(Duration.ofMinutes(2));
            CliRunner.Result reconciled = fake.berth("reconcile");

            assertThat(reconciled.exitCode()).as(reconciled.toString()).isZero();
            assertThat(reconciled.err()).isEqualTo("""
                    2026-03-02T09:12:08Z deployment "default/web": an earlier run left the rollout of revision 2 \
                    unfinished (2 of 4 replicas updated); carrying it on
                    2026-03-02T09:12:08Z Waiting for deployment "default/web" rollout to finish: 2 out of 4 new \
                    replicas have been updated...
                    node-2: remove container default_web-e62ae92598-stl2j_web (spec changed)
                    node-2: clean up files of web-e62ae92598-stl2j
                    node-1: ensure network berth
                    node-1: start container default_web-4b61915223-7ll6r_web (registry.example/web:v2)
                    2026-03-02T09:12:08Z Waiting for deployment "default/web" rollout to finish: 3 out of 4 new \
                    replicas have been updated...
                    node-1: remove container default_web-e62ae92598-ckc87_web (spec changed)
                    node-1: clean up files of web-e62ae92598-ckc87
                    node-2: ensure network berth
                    node-2: start container default_web-4b61915223-x78j4_web (registry.example/web:v2)
                    2026-03-02T09:12:14Z Waiting for deployment "default/web" rollout to finish: 1 old replicas are \
                    pending termination...
                    node-2: remove container default_web-e62ae92598-x78j4_web (spec changed)
                    node-2: clean up files of web-e62ae92598-x78j4
                    2026-03-02T09:12:20Z deployment "default/web" successfully rolled out
                    reconcile: 10 steps done on 2 nodes
                    """);
            assertThat(running()).containsExactly(Map.entry("v2", 4L));
        }
    }

    @Nested
    class ALivenessProbe {
        @Test
        void thatFailsFailureThresholdTimesRestartsTheContainer() throws IOException {
            fake.cluster().image(V2).serves(visit -> visit.restarts() > 0 ? 200
                    : "/live".equals(visit.path()) ? 500 : 503);

            CliRunner.Result applied = fake.berth("apply", "-f", web(V2,
                    "container: livenessProbe: {httpGet: {path: /live, port: http}, periodSeconds: 10, "
                            + "failureThreshold: 3}")
                    .toString());

            assertThat(applied.exitCode()).as(applied.toString()).isZero();
            assertThat(applied.err()).isEqualTo("""
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 0 out of 4 new \
                    replicas have been updated...
                    node-1: ensure network berth
                    node-1: pull registry.example/web:v2 (if missing)
                    node-1: start container default_web-b443af99f2-ckc87_web (registry.example/web:v2)
                    node-2: pull registry.example/web:v2 (if missing)
                    2026-03-02T09:10:00Z Waiting for deployment "default/web" rollout to finish: 1 out of 4 new \
                    replicas have been updated...
                    node-1: restart container default_web-b443af99f2-ckc87_web (liveness probe failed 3 times in a \
                    row: HTTP probe failed with statuscode: 500)
                    node-1: remove container default_web-e62ae92598-7ll6r_web (spec changed)
                    node-1: clean up files of web-e62ae92598-7ll6r
                    node-2: ensure network berth
                    node-2: start container default_web-b443af99f2-stl2j_web (registry.example/web:v2)
                    2026-03-02T09:10:20Z Waiting for deployment "default/web" rollout to finish: 2 out of 4 new \
                    replicas have been updated...
                    node-2: restart container default_web-b443af99f2-stl2j_web (liveness probe failed 3 times in a \
                    row: HTTP probe failed with statuscode: 500)
                    node-2: remove container default_web-e62ae92598-stl2j_web (spec changed)
                    node-2: clean up files of web-e62ae92598-stl2j
                    node-1: ensure network berth
                    node-1: start container default_web-b443af99f2-7ll6r_web (registry.example/web:v2)
                    2026-03-02T09:10:40Z Waiting for deployment "default/web" rollout to finish: 3 out of 4 new \
                    replicas have been updated...
                    node-1: restart container default_web-b443af99f2-7ll6r_web (liveness probe failed 3 times in a \
                    row: HTTP probe failed with statuscode: 500)
                    node-1: remove container default_web-e62ae92598-ckc87_web (spec changed)
                    node-1: clean up files of web-e62ae92598-ckc87
                    node-2: ensure network berth
                    node-2: start container default_web-b443af99f2-x78j4_web (registry.example/web:v2)
                    2026-03-02T09:11:00Z Waiting for deployment "default/web" rollout to finish: 1 old replicas are \
                    pending termination...
                    node-2: restart container default_web-b443af99f2-x78j4_web (liveness probe failed 3 times in a \
                    row: HTTP probe failed with statuscode: 500)
                    node-2: remove container default_web-e62ae92598-x78j4_web (spec changed)
                    node-2: clean up files of web-e62ae92598-x78j4
                    2026-03-02T09:11:20Z deployment "default/web" successfully rolled out
                    apply: 22 steps done on 2 nodes
                    """);
            assertThat(running()).containsExactly(Map.entry("v2", 4L));
        }

        @Test
        void thatFailsOnceWithAThresholdOfOneIsRestartedByAReconcileThatLooksOnce() throws IOException {
            ok(fake.berth("apply", "-f", web(V2,
                    "container: livenessProbe: {httpGet: {path: /live, port: http}, failureThreshold: 1}").toString()));
            FakeDocker.Shown stuck = fake.cluster().node("node-2").docker().containers().get(0);
            fake.cluster().image(V2).serves(visit -> visit.container().equals(stuck.name()) && visit.restarts() == 0
                    && "/live".equals(visit.path()) ? 500 : 200);
            fake.clock().advance(Duration.ofMinutes(1));
            fake.cluster().forgetCalls();

            CliRunner.Result reconciled = fake.berth("reconcile");

            assertThat(reconciled.exitCode()).as(reconciled.toString()).isZero();
            assertThat(reconciled.err()).isEqualTo("""
                    node-2: restart container default_web-3575368c1c-stl2j_web (liveness probe failed 1 times in a \
                    row: HTTP probe failed with statuscode: 500)
                    reconcile: 1 step done on 1 node
                    """);
            assertThat(fake.cluster().commands("node-2")).filteredOn(argv -> argv.get(0).equals("docker"))
                    .containsExactly(List.of("docker", "restart", stuck.id()));
        }
    }

    @Nested
    class WhatIsNoRollout {
        @BeforeEach
        void webRunsV2() throws IOException {
            ok(fake.berth("apply", "-f", web(V2).toString()));
            fake.clock().advance(Duration.ofMinutes(10));
            fake.cluster().forgetCalls();
        }

        @Test
        void aReplicaThatCannotStartWhenScalingUpIsAFailedStepAndNothingIsRolledBack() throws IOException {
            fake.cluster().node("node-1").answer(argv -> argv.size() > 1 && argv.get(1).equals("run"), 125, "",
                    "docker: Error response from daemon: no space left on device.\n");
            fake.cluster().node("node-2").answer(argv -> argv.size() > 1 && argv.get(1).equals("run"), 125, "",
                    "docker: Error response from daemon: no space left on device.\n");

            CliRunner.Result scaled = fake.berth("scale", "deployment/web", "--replicas", "5");

            assertThat(scaled.exitCode()).as(scaled.toString()).isEqualTo(3);
            assertThat(scaled.err()).isEqualTo("""
                    node-1: ensure network berth
                    node-1: start container default_web-4b61915223-qnp89_web (registry.example/web:v2): FAILED: exit \
                    125: docker: Error response from daemon: no space left on device.
                    scale: 1 step done on 1 node, 1 failed
                    error: 1 of 2 steps failed (see above); what was not done is retried by the next run, e.g. berth \
                    reconcile
                    """);
            assertThat(storedRevisions()).containsExactly("1 v1", "2 v2");
            assertThat(running()).containsExactly(Map.entry("v2", 4L));
        }

        @Test
        void aReplicaThatCrashesAfterTheRolloutEndedIsNotRolledBack() throws IOException {
            String pod = fake.cluster().node("node-1").docker().containers().get(0).pod();
            fake.cluster().node("node-1").docker().crashLoop(pod, 3);

            CliRunner.Result reconciled = fake.berth("reconcile");

            assertThat(reconciled.exitCode()).as(reconciled.toString()).isZero();
            assertThat(reconciled.err()).isEmpty();
            assertThat(reconciled.out()).isEmpty();
            for (String node : List.of("node-1", "node-2")) {
                assertThat(fake.cluster().commands(node)).as(node)
                        .filteredOn(argv -> !InMemoryStateNode.isStateScript(argv)).containsExactly(NodeProbe.command());
            }
            assertThat(storedRevisions()).containsExactly("1 v1", "2 v2");
        }
    }
}
