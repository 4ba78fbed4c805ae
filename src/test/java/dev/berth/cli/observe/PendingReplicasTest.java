package dev.berth.cli.observe;

import dev.berth.cli.CliRunner;
import dev.berth.ssh.KeyFiles;
import dev.berth.ssh.LoopbackSshd;
import dev.berth.testing.LocalDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Deployment too big for the cluster, applied through the CLI to a real sshd on loopback and this machine's
 * Docker engine: apply fails with the reason, and get pods, get deployments and describe show it as Pending.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PendingReplicasTest {
    @TempDir
    static Path directory;

    private final String namespace = "pending-" + UUID.randomUUID().toString().substring(0, 8);
    private final CliRunner berth = new CliRunner();
    private LoopbackSshd sshd;
    private Path inventory;
    private CliRunner.Result applied;

    @BeforeAll
    void applyTooBigADeployment() throws Exception {
        assumeTrue(LoopbackSshd.available(), "needs /usr/sbin/sshd and root");
        assumeTrue(LocalDocker.available(), "needs a local Docker engine and busybox-static");
        LocalDocker.ensureTinyImage();
        Path key = KeyFiles.generate(directory.resolve("id_ed25519"), "");
        Path home = Files.createDirectories(directory.resolve("home"));
        sshd = LoopbackSshd.start(directory.resolve("sshd"), KeyFiles.publicKey(key), List.of("SetEnv HOME=" + home));
        Path knownHosts = Files.writeString(directory.resolve("known_hosts"), sshd.knownHostsLine("127.0.0.1") + "\n");
        inventory = Files.writeString(directory.resolve("cluster.yaml"), "apiVersion: berth.dev/v1\nkind: Cluster\n"
                + "metadata: {name: loopback}\nspec:\n  ssh: {user: root, identityFiles: [" + key + "], knownHosts: "
                + knownHosts + ", connectTimeout: 60s}\n  nodes:\n    - {name: node-1, address: 127.0.0.1, port: "
                + sshd.port() + ", capacity: {cpu: \"2\", memory: 1Gi}}\n");
        Path manifests = Files.writeString(directory.resolve("app.yaml"), deployment("small", 1, "64Mi")
                + "---\n" + deployment("big", 2, "2Gi"));
        applied = berth.run("apply", "-f", manifests.toString(), "--cluster", inventory.toString());
    }

    private String deployment(String name, int replicas, String memory) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name + ", namespace: " + namespace + "}\n"
                + "spec:\n  replicas: " + replicas + "\n  selector: {matchLabels: {app: " + name + "}}\n"
                + "  template:\n    metadata: {labels: {app: " + name + "}}\n    spec:\n      containers:\n"
                + "        - name: app\n          image: " + LocalDocker.TINY_IMAGE + "\n"
                + "          command: [/bin/busybox, sleep, \"3600\"]\n"
                + "          resources: {requests: {memory: " + memory + "}}\n";
    }

    @AfterAll
    void removeEverything() throws Exception {
        if (sshd == null) {
            return;
        }
        berth.run("delete", "deployment", "small", "big", "-n", namespace, "--cluster", inventory.toString());
        String left = LocalDocker.run("docker", "ps", "-aq", "--filter", "label=berth.dev/namespace=" + namespace);
        for (String id : left.strip().split("\\s+")) {
            if (!id.isEmpty()) {
                LocalDocker.run("docker", "rm", "--force", id);
            }
        }
        sshd.close();
    }

    @Test
    void applyStartsWhatFitsAndExitsThreeNamingWhyTheRestIsPending() {
        assertThat(applied.exitCode()).as(applied.toString()).isEqualTo(3);
        assertThat(applied.err()).contains("error: the cluster did not reach the desired state: " + namespace
                + "/big has a Pending replica: 0/1 nodes fit: 1 insufficient memory");
    }

    @Test
    void getPodsListsTheRunningReplicaThenOnePendingRowPerMissingReplica() {
        CliRunner.Result result = berth.run("get", "pods", "-n", namespace, "--cluster", inventory.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1))
                .matches("small-[0-9a-f]{10}-[a-z0-9]{5} +1/1 +Running +0 +" + ObserveVerbsTest.AGE + " +node-1");
        assertThat(lines.get(2)).matches("big-[0-9a-f]{10}-pending-1 +0/1 +Pending +0 +<none> +<none>");
        assertThat(lines.get(3)).matches("big-[0-9a-f]{10}-pending-2 +0/1 +Pending +0 +<none> +<none>");
    }

    @Test
    void getDeploymentsCountsReadyReplicasOverDesired() {
        CliRunner.Result result = berth.run("get", "deploy", "-n", namespace, "--cluster", inventory.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("NAME    READY   UP-TO-DATE   AVAILABLE   AGE");
        assertThat(lines.get(1)).matches("big     0/2     0            0           " + ObserveVerbsTest.AGE);
        assertThat(lines.get(2)).matches("small   1/1     1            1           " + ObserveVerbsTest.AGE);
    }

    @Test
    void describeDeploymentAndDescribePodSayWhy() {
        CliRunner.Result deployment = berth.run("describe", "deployment", "big", "-n", namespace,
                "--cluster", inventory.toString());
        assertThat(deployment.exitCode()).as(deployment.toString()).isZero();
        assertThat(deployment.out()).contains("Replicas:  2 desired | 0 updated | 0 total | 0 available | "
                + "2 unavailable | 2 pending\n",
                "Revision:  1 (berth apply -f " + directory.resolve("app.yaml") + ")\n",
                "Pending:   0/1 nodes fit: 1 insufficient memory (2 replicas)\n");
        String pending = berth.run("get", "pods", "-n", namespace, "-o", "name", "--cluster", inventory.toString())
                .out().lines().filter(line -> line.contains("-pending-1")).findFirst().orElseThrow();
        CliRunner.Result pod = berth.run("describe", "pod", pending.substring("pod/".length()), "-n", namespace,
                "--cluster", inventory.toString());
        assertThat(pod.exitCode()).as(pod.toString()).isZero();
        assertThat(pod.out()).contains("Status:     Pending\n", "Reason:     0/1 nodes fit: 1 insufficient memory\n");
    }
}
