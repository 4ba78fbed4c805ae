package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import dev.berth.lab.ProcessResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rollouts on the real lab: waves that keep every replica serving, a version that never becomes ready or
 * crash-loops rolled back on every node, history and undo, and a run killed half-way finished by reconcile.
 * What runs and what answers is read independently of berth: docker ps and an HTTP request from each node.
 */
@LabTest
class RolloutIT {
    private static final String NAMESPACE = "it-rollout";
    private static final Duration RUN = Duration.ofMinutes(5);
    private static final String HEALTH = "readinessProbe: {httpGet: {path: /cgi-bin/health, port: http}, "
            + "periodSeconds: 1, failureThreshold: 1}";

    private LabCluster cluster;
    private Path scratch;

    @BeforeEach
    void setUp(Lab lab, @TempDir Path scratch) {
        this.cluster = new LabCluster(lab, scratch);
        this.scratch = scratch;
    }

    @AfterEach
    void forget() {
        cluster.forget(NAMESPACE, "waves", "failing", "history", "killed");
    }

    /** The hello app at {@code version} (v1, v2), with extra container lines, e.g. a command or a probe. */
    private static String web(String name, String version, int replicas, String strategy, String... containerLines) {
        StringBuilder yaml = new StringBuilder()
                .append("apiVersion: apps/v1\nkind: Deployment\n")
                .append("metadata: {name: ").append(name).append(", namespace: ").append(NAMESPACE).append("}\n")
                .append("spec:\n  replicas: ").append(replicas).append('\n')
                .append("  progressDeadlineSeconds: 40\n")
                .append("  strategy: ").append(strategy).append('\n')
                .append("  selector: {matchLabels: {app: ").append(name).append("}}\n")
                .append("  template:\n    metadata: {labels: {app: ").append(name).append("}}\n")
                .append("    spec:\n      terminationGracePeriodSeconds: 2\n      containers:\n")
                .append("        - name: hello\n")
                .append("          image: berth-registry:5000/berth-hello:").append(version).append('\n')
                .append("          ports: [{name: http, containerPort: 8080}]\n")
                .append("          resources: {requests: {cpu: 10m, memory: 16Mi}}\n");
        for (String line : containerLines) {
            yaml.append("          ").append(line).append('\n');
        }
        return yaml.toString();
    }

    private static final String ONE_AT_A_TIME = "{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}";

    /** What one node runs of a Deployment and how many of those answer their health URL, read on the node. */
    private record Count(int running, int ready, List<String> versions) {
    }

    private Count count(Lab.Node node, String deployment) {
        ProcessResult sample = cluster.lab().ssh(node, "n=0; r=0; for id in $(docker ps -q --filter "
                + "label=berth.dev/namespace=" + NAMESPACE + " --filter label=berth.dev/deployment=" + deployment
                + "); do n=$((n+1)); ip=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "
                + "$id); v=$(curl -fsS -m 2 http://$ip:8080/ 2>/dev/null) && { r=$((r+1)); echo \"v $v\"; }; done; "
                + "echo \"count $n $r\"");
        assertThat(sample.succeeded()).as(sample.toString()).isTrue();
        List<String> versions = new ArrayList<>();
        int running = 0;
        int ready = 0;
        for (String line : sample.output().lines().toList()) {
            if (line.startsWith("v ")) {
                versions.add(line.split(" ")[2]);
            } else if (line.startsWith("count ")) {
                running = Integer.parseInt(line.split(" ")[1]);
                ready = Integer.parseInt(line.split(" ")[2]);
            }
        }
        return new Count(running, ready, versions);
    }

    /** Every node sampled at once: how many replicas run and how many answer, cluster-wide. */
    private Count sample(ExecutorService pool, String deployment) {
        List<CompletableFuture<Count>> counts = cluster.nodes().stream()
                .map(node -> CompletableFuture.supplyAsync(() -> count(node, deployment), pool)).toList();
        int running = 0;
        int ready = 0;
        List<String> versions = new ArrayList<>();
        for (CompletableFuture<Count> count : counts) {
            Count one = count.join();
            running += one.running();
            ready += one.ready();
            versions.addAll(one.versions());
        }
        return new Count(running, ready, versions);
    }

    private Count sample(String deployment) {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            return sample(pool, deployment);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRollingUpdateNeverDropsBelowTheReplicasNorRunsMoreThanTheSurge() throws Exception {
        Path v1 = cluster.manifest("v1.yaml", web("waves", "v1", 4, ONE_AT_A_TIME, HEALTH));
        Path v2 = cluster.manifest("v2.yaml", web("waves", "v2", 4, ONE_AT_A_TIME, HEALTH,
                "command: [sh, -c, 'sleep 6; exec /start.sh']"));
        cluster.succeed("apply", "-f", v1.toString(), "--wait");
        assertThat(sample("waves")).isEqualTo(new Count(4, 4, List.of("v1", "v1", "v1", "v1")));

        List<Count> samples = new ArrayList<>();
        AtomicBoolean rolling = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> {
            while (rolling.get()) {
                Count count = sample(pool, "waves");
                synchronized (samples) {
                    samples.add(count);
                }
            }
        }, Executors.newSingleThreadExecutor());
        CliRunner.Result rollout;
        try {
            rollout = cluster.berth("apply", "-f", v2.toString());
        } finally {
            rolling.set(false);
            sampler.get(2, TimeUnit.MINUTES);
            pool.shutdownNow();
        }

        assertThat(rollout.exitCode()).as(rollout.toString()).isZero();
        assertThat(rollout.err()).contains("Waiting for deployment \"" + NAMESPACE + "/waves\" rollout to finish: 1 out of 4")
                .contains("deployment \"" + NAMESPACE + "/waves\" successfully rolled out");
        assertThat(sample("waves")).isEqualTo(new Count(4, 4, List.of("v2", "v2", "v2", "v2")));
        assertThat(samples).as("the sampler saw the rollout").hasSizeGreaterThan(3);
        // The nodes are sampled at the same moment, not at one instant: a replica may start on one node just after
        // it was sampled while an old one stops on another just before. A real dip or surge lasts at least one
        // wave (v2 listens only after 6 s), so it shows in two samples in a row; a sampling artefact cannot.
        for (int i = 1; i < samples.size(); i++) {
            Count before = samples.get(i - 1);
            Count now = samples.get(i);
            assertThat(Math.max(before.ready(), now.ready())).as("ready replicas at sample %d of %s", i, samples)
                    .isGreaterThanOrEqualTo(4);
            assertThat(Math.min(before.running(), now.running())).as("running replicas at sample %d of %s", i, samples)
                    .isLessThanOrEqualTo(5);
        }
        assertThat(samples.stream().mapToInt(Count::running).max().orElse(0)).as("a surge of one was used: %s", samples)
                .isEqualTo(5);
    }

    @Test
    void aVersionThatNeverListensIsRolledBackOnEveryNodeAndTheRunSaysWhy() {
        Path v1 = cluster.manifest("v1.yaml", web("failing", "v1", 3, ONE_AT_A_TIME,
                "readinessProbe: {tcpSocket: {port: http}, periodSeconds: 1}"));
        Path silent = cluster.manifest("silent.yaml", web("failing", "v2", 3, ONE_AT_A_TIME,
                "readinessProbe: {tcpSocket: {port: http}, periodSeconds: 1}", "command: [sleep, '100000']"));
        cluster.succeed("apply", "-f", v1.toString(), "--wait");

        CliRunner.Result failed = cluster.berth("apply", "-f", silent.toString());

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
        assertThat(failed.err())
                .contains("rollout of deployment \"" + NAMESPACE + "/failing\" revision 2 failed: no progress within "
                        + "progressDeadlineSeconds (40s)")
                .containsPattern("pod failing-[0-9a-f]+-[a-z0-9]+ on node-[123]: Running, .*connection refused")
                .contains("deployment \"" + NAMESPACE + "/failing\" rolled back to revision 1 on every node");
        assertThat(sample("failing")).isEqualTo(new Count(3, 3, List.of("v1", "v1", "v1")));
        assertThat(cluster.berth("diff", "-f", v1.toString()).exitCode()).as("the cluster stores v1 again").isZero();
    }

    @Test
    void aVersionThatCrashLoopsIsRolledBackWithItsExitCodeAndLog() {
        Path v1 = cluster.manifest("v1.yaml", web("failing", "v1", 2, ONE_AT_A_TIME, HEALTH));
        Path crashing = cluster.manifest("crash.yaml", web("failing", "v2", 2, ONE_AT_A_TIME, HEALTH,
                "command: [sh, -c, 'echo cannot open /etc/app.conf >&2; exit 3']"));
        cluster.succeed("apply", "-f", v1.toString(), "--wait");

        CliRunner.Result failed = cluster.berth("apply", "-f", crashing.toString());

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
        // Docker shows the exit code while the container is stopped between two restarts; caught running again,
        // the report has its restarts instead. Its log says why either way.
        assertThat(failed.err()).contains("revision 2 failed: 1 of 1 new replicas crashed")
                .containsPattern("exit code 3|restarted [0-9]+ times?").contains("cannot open /etc/app.conf")
                .contains("rolled back to revision 1 on every node");
        assertThat(sample("failing")).isEqualTo(new Count(2, 2, List.of("v1", "v1")));
        for (Lab.Node node : cluster.nodes()) {
            ProcessResult left = cluster.lab().ssh(node, "docker ps -a -q --filter label=berth.dev/deployment=failing"
                    + " --filter label=berth.dev/revision=2");
            assertThat(left.output()).as("containers of the failed revision on %s", node.name()).isEmpty();
        }
    }

    @Test
    void historyListsTheRevisionsAndUndoGoesBackToTheOneAsked() throws Exception {
        Path v1 = cluster.manifest("v1.yaml", web("history", "v1", 2, ONE_AT_A_TIME, HEALTH));
        Path v2 = cluster.manifest("v2.yaml", web("history", "v2", 2, ONE_AT_A_TIME, HEALTH));
        cluster.succeed("apply", "-f", v1.toString());
        cluster.succeed("apply", "-f", v2.toString());

        CliRunner.Result history = cluster.succeed("rollout", "history", "deployment/history", "-n", NAMESPACE);
        assertThat(history.out()).contains("REVISION").contains("CHANGE-CAUSE").containsPattern("(?m)^1 ")
                .containsPattern("(?m)^2 ");

        cluster.succeed("rollout", "undo", "deployment/history", "-n", NAMESPACE);
        assertThat(sample("history").versions()).containsExactly("v1", "v1");

        cluster.succeed("rollout", "undo", "deployment/history", "-n", NAMESPACE, "--to-revision", "2");
        assertThat(sample("history").versions()).containsExactly("v2", "v2");

        Path freshHome = Files.createDirectories(scratch.resolve("second-laptop"));
        CliRunner.Result elsewhere = new CliRunner()
                .env("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"))
                .env("XDG_CONFIG_HOME", freshHome.resolve(".config").toString())
                .env("XDG_DATA_HOME", freshHome.resolve(".local/share").toString())
                .home(freshHome)
                .run(LabCluster.withCluster(cluster.lab().inventory(), "rollout", "history", "deployment/history",
                        "-n", NAMESPACE));
        assertThat(elsewhere.exitCode()).as(elsewhere.toString()).isZero();
        assertThat(elsewhere.out()).as("a second laptop sees the same history")
                .isEqualTo(cluster.succeed("rollout", "history", "deployment/history", "-n", NAMESPACE).out());
    }

    @Test
    void aRolloutKilledHalfWayIsCarriedToOneRevisionByTheNextReconcile() throws Exception {
        Path v1 = cluster.manifest("v1.yaml", web("killed", "v1", 4, ONE_AT_A_TIME, HEALTH));
        Path v2 = cluster.manifest("v2.yaml", web("killed", "v2", 4, ONE_AT_A_TIME, HEALTH,
                "command: [sh, -c, 'sleep 4; exec /start.sh']"));
        cluster.succeed("apply", "-f", v1.toString(), "--wait");

        Path home = Files.createTempDirectory(scratch, "home");
        try (BerthProcess apply = BerthProcess.start(home, LabCluster.withCluster(cluster.lab().inventory(),
                "apply", "-f", v2.toString()))) {
            assertThat(apply.awaitErrLine(line -> line.contains("1 out of 4 new replicas have been updated"), RUN))
                    .as(apply.toString()).isTrue();
            apply.kill();
        }
        cluster.succeed("lock", "release");
        Count half = sample("killed");
        assertThat(half.versions()).as("the kill left the rollout half-way").contains("v1");

        CliRunner.Result reconcile = cluster.succeed("reconcile");

        assertThat(reconcile.err()).contains("deployment \"" + NAMESPACE + "/killed\": an earlier run left the rollout "
                + "of revision 2 unfinished (").contains("carrying it on")
                .contains("deployment \"" + NAMESPACE + "/killed\" successfully rolled out");
        assertThat(sample("killed")).isEqualTo(new Count(4, 4, List.of("v2", "v2", "v2", "v2")));
        assertThat(cluster.berth("diff", "-f", v2.toString()).exitCode()).isZero();
    }
}
