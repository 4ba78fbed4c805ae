package dev.berth.exec;

import dev.berth.archive.TarEntries;
import dev.berth.manifest.InputFiles;
import dev.berth.manifest.ManifestInput;
import dev.berth.manifest.ManifestLoader;
import dev.berth.manifest.ManifestSet;
import dev.berth.model.Cluster;
import dev.berth.model.ObjectMeta;
import dev.berth.plan.Action;
import dev.berth.plan.Capacity;
import dev.berth.plan.ClusterView;
import dev.berth.plan.DesiredState;
import dev.berth.plan.NodeView;
import dev.berth.plan.Plan;
import dev.berth.plan.Planner;
import dev.berth.ssh.FanOut;
import dev.berth.ssh.SshTarget;
import dev.berth.testing.FakeCluster;
import dev.berth.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Secret's values leave berth only on standard input: as the content of the uploaded env file (0600), or as
 * the archive a start copies into its container; never in an argv sent to a node (which {@code ps} on the node
 * would show), never in a step's description or progress line, whether it is read as an env var, through
 * {@code envFrom}, or mounted as files. No file of a mounted Secret is written on the node's disk.
 */
class SecretsOffCommandLinesTest {
    private static final String VALUE = "s3cr3t-canary-7391";
    private static final String HOME = "/home/deploy";
    private static final String YAML = """
            apiVersion: v1
            kind: Secret
            metadata: {name: db}
            stringData: {password: s3cr3t-canary-7391, DB_USER: s3cr3t-canary-7391}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              replicas: 1
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  containers:
                    - name: app
                      image: api:1
                      env:
                        - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
                      envFrom:
                        - secretRef: {name: db}
                      volumeMounts:
                        - {name: creds, mountPath: /etc/creds}
                        - {name: all, mountPath: /etc/all}
                  volumes:
                    - name: creds
                      secret:
                        secretName: db
                        defaultMode: 0440
                        items: [{key: password, path: pw, mode: 0400}, {key: DB_USER, path: user}]
                    - name: all
                      secret: {secretName: db}
            """;

    private final FakeCluster fake = new FakeCluster(new ManualClock(Instant.parse("2026-03-02T09:00:00Z")));

    @Test
    void reachTheNodesOnlyOnStandardInput() {
        fake.add("node-1", "10.0.0.11");
        Plan plan = new Planner(() -> "x1").plan(desired(), view(), Map.of());
        List<String> lines = new ArrayList<>();

        List<StepResult> steps = new PlanExecutor(access(), step -> lines.add(step.action().describe() + " "
                + step.outcome() + " " + step.message())).execute(plan.actions());

        assertThat(steps).extracting(StepResult::outcome).containsOnly(StepResult.Outcome.DONE);
        assertThat(plan.actions()).filteredOn(Action.RunContainer.class::isInstance).hasSize(1);
        for (Action action : plan.actions()) {
            assertThat(secretFree(action.describe())).as(action.describe()).isTrue();
            assertThat(secretFree(action.toString())).as(action.describe()).isTrue();
            if (action instanceof Action.RunContainer run) {
                assertThat(run.argv()).allMatch(SecretsOffCommandLinesTest::secretFree);
            }
        }
        assertThat(lines).isNotEmpty().allMatch(SecretsOffCommandLinesTest::secretFree);
        Action.RunContainer run = (Action.RunContainer) plan.actions().stream()
                .filter(Action.RunContainer.class::isInstance).findFirst().orElseThrow();
        for (FakeCluster.Call call : fake.calls()) {
            if (call instanceof FakeCluster.Call.Command command) {
                assertThat(command.argv()).allMatch(SecretsOffCommandLinesTest::secretFree);
                if (!secretFree(new String(command.stdin(), StandardCharsets.UTF_8))) {
                    assertThat(command.argv()).as("the one command that reads a value: the start").isEqualTo(run.argv());
                    assertThat(command.stdin()).isEqualTo(run.files().bytes());
                }
            }
        }
        List<FakeCluster.Call.Upload> holding = fake.uploads("node-1").stream()
                .filter(upload -> !secretFree(new String(upload.content(), StandardCharsets.UTF_8))).toList();
        String pod = HOME + "/.berth/pods/default/" + run.pod();
        assertThat(holding).as("the only file written on the node: the env file, 0600")
                .extracting(upload -> upload.path().substring(pod.length()) + " "
                + String.format("%04o", upload.mode())).containsExactly("/env/app.env 0600");
        assertThat(TarEntries.lines(fake.node("node-1").docker().copiedIn(run.container())))
                .as("the files inside the container, with the modes Kubernetes gives them").containsExactly(
                        "0755 0/0 etc/creds/ 0", "0400 0/0 etc/creds/pw 18", "0440 0/0 etc/creds/user 18",
                        "0755 0/0 etc/all/ 0", "0644 0/0 etc/all/DB_USER 18", "0644 0/0 etc/all/password 18");
        assertThat(fake.node("node-1").docker().files()).as("the env file is gone once the container exists")
                .noneMatch(path -> path.endsWith(".env"));
    }

    @Test
    void theEnvFileGoesAlsoWhenTheStartFails() {
        fake.add("node-1", "10.0.0.11");
        fake.image("api:1").notInRegistry();
        Plan plan = new Planner(() -> "x1").plan(desired(), view(), Map.of());

        List<StepResult> steps = new PlanExecutor(access(), step -> { }).execute(plan.actions());

        assertThat(steps).extracting(StepResult::outcome).contains(StepResult.Outcome.FAILED);
        assertThat(fake.node("node-1").docker().files()).noneMatch(path -> path.endsWith(".env"));
    }

    private static boolean secretFree(String text) {
        String encoded = Base64.getEncoder().encodeToString(VALUE.getBytes(StandardCharsets.UTF_8));
        return !text.contains(VALUE) && !text.contains(encoded) && !text.contains("s3cr3t");
    }

    private static DesiredState desired() {
        ManifestSet set = new ManifestLoader().load(new InputFiles.Read(
                List.of(new ManifestInput("api.yaml", YAML.getBytes(StandardCharsets.UTF_8))), List.of()));
        assertThat(set.errors()).isEmpty();
        return DesiredStates.of(set.resources());
    }

    private static ClusterView view() {
        return new ClusterView(List.of(new NodeView("node-1", "10.0.0.11", Map.of(), List.of(), true, false,
                new Capacity(4000, 8L << 30), HOME, List.of(), List.of(), 0)), Instant.MAX);
    }

    private ClusterAccess access() {
        Cluster cluster = new Cluster(Cluster.API_VERSION, Cluster.KIND, new ObjectMeta("t", null, Map.of(), Map.of()),
                new Cluster.Spec(new Cluster.Ssh("deploy", null, List.of(), "/dev/null", "strict", null, "1s", "1s", 4),
                        null, List.of(new Cluster.Node("node-1", "10.0.0.11", null, null, Map.of(), List.of(), null)),
                        List.of(), null));
        return new ClusterAccess(cluster, Map.of("node-1", SshTarget.of("node-1", "10.0.0.11", Path.of("/dev/null"))),
                fake, new FanOut(4));
    }
}
