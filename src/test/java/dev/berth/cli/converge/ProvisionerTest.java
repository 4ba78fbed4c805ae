package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.ssh.KeyFiles;
import dev.berth.ssh.LoopbackSshd;
import dev.berth.testing.LocalDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full node and a provisioner script that "adds" a second real sshd on loopback: apply runs the script once,
 * the inventory file gains the node (its comments kept), known_hosts its key, and the replica runs there. Both
 * nodes share this machine's Docker engine, so placement is told their room by declared capacity.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvisionerTest {
    @TempDir
    static Path directory;

    private final String namespace = "provision-" + UUID.randomUUID().toString().substring(0, 8);
    private final CliRunner berth = new CliRunner();
    private LoopbackSshd first;
    private LoopbackSshd second;
    private Path inventory;
    private Path knownHosts;
    private Path calls;

    @BeforeAll
    void startTwoServersOneOfThemUnknown() throws Exception {
        assumeTrue(LoopbackSshd.available(), "needs /usr/sbin/sshd and root");
        assumeTrue(LocalDocker.available(), "needs a local Docker engine and busybox-static");
        LocalDocker.ensureTinyImage();
        Path key = KeyFiles.generate(directory.resolve("id_ed25519"), "");
        first = LoopbackSshd.start(directory.resolve("sshd-1"), KeyFiles.publicKey(key),
                List.of("SetEnv HOME=" + Files.createDirectories(directory.resolve("home-1"))));
        second = LoopbackSshd.start(directory.resolve("sshd-2"), KeyFiles.publicKey(key),
                List.of("SetEnv HOME=" + Files.createDirectories(directory.resolve("home-2"))));
        knownHosts = Files.writeString(directory.resolve("known_hosts"), first.knownHostsLine("127.0.0.1") + "\n");
        String[] hostKey = second.knownHostsLine("127.0.0.1").split(" ");
        calls = directory.resolve("calls.log");
        Path script = Files.writeString(directory.resolve("add-node.sh"), "#!/bin/sh\n"
                + "echo \"$BERTH_CLUSTER|$BERTH_PENDING|$(pwd)\" >> " + calls + "\n"
                + "echo 'creating a server' >&2\n"
                + "cat <<EOF\nname: node-2\naddress: 127.0.0.1\nport: " + second.port() + "\n"
                + "capacity: {memory: 8Gi}\nhostKey: \"" + hostKey[1] + " " + hostKey[2] + "\"\nEOF\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        inventory = Files.writeString(directory.resolve("cluster.yaml"), "# the loopback cluster\n"
                + "apiVersion: berth.dev/v1\nkind: Cluster\nmetadata: {name: loopback}\nspec:\n"
                + "  ssh: {user: root, identityFiles: [" + key + "], knownHosts: " + knownHosts
                + ", connectTimeout: 60s}\n"
                + "  nodes:\n"
                + "    # full: declared smaller than any replica\n"
                + "    - {name: node-1, address: 127.0.0.1, port: " + first.port()
                + ", capacity: {cpu: \"1\", memory: 64Mi}}\n"
                + "\n  # adds a server and prints its entry\n"
                + "  provisioner: {command: [./add-node.sh]}\n");
    }

    private Path manifest(String name, String memory) throws Exception {
        return Files.writeString(directory.resolve(name + ".yaml"), "apiVersion: apps/v1\nkind: Deployment\n"
                + "metadata: {name: " + name + ", namespace: " + namespace + "}\n"
                + "spec:\n  replicas: 1\n  selector: {matchLabels: {app: " + name + "}}\n"
                + "  template:\n    metadata: {labels: {app: " + name + "}}\n    spec:\n      containers:\n"
                + "        - name: app\n          image: " + LocalDocker.TINY_IMAGE + "\n"
                + "          command: [/bin/busybox, sleep, \"3600\"]\n"
                + "          resources: {requests: {memory: " + memory + "}}\n");
    }

    @AfterAll
    void removeEverything() throws Exception {
        if (first == null) {
            return;
        }
        berth.run("delete", "deployment", "web", "huge", "-n", namespace, "--cluster", inventory.toString());
        String left = LocalDocker.run("docker", "ps", "-aq", "--filter", "label=berth.dev/namespace=" + namespace);
        for (String id : left.strip().split("\\s+")) {
            if (!id.isEmpty()) {
                LocalDocker.run("docker", "rm", "--force", id);
            }
        }
        first.close();
        second.close();
    }

    @Test
    @Order(1)
    void applyRunsTheProvisionerOnceAddsTheNodeAndPlacesTheReplicaThere() throws Exception {
        CliRunner.Result result = berth.run("apply", "-f", manifest("web", "128Mi").toString(),
                "--cluster", inventory.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("running the provisioner ./add-node.sh", "provisioner: creating a server\n",
                "provisioned node-2; added it to " + inventory);
        assertThat(Files.readAllLines(calls)).containsExactly(inventory.toAbsolutePath() + "|" + namespace
                + "/web: 0/1 nodes fit: 1 insufficient memory|" + directory.toAbsolutePath());
        assertThat(Files.readString(inventory)).startsWith("# the loopback cluster\n")
                .contains("    # full: declared smaller than any replica\n"
                        + "    - {name: node-1, address: 127.0.0.1, port: " + first.port()
                        + ", capacity: {cpu: \"1\", memory: 64Mi}}\n"
                        + "    - {\"name\": \"node-2\", \"address\": \"127.0.0.1\", \"port\": " + second.port()
                        + ", \"capacity\": {\"memory\": \"8Gi\"}}\n"
                        + "\n  # adds a server and prints its entry\n");
        assertThat(Files.readAllLines(knownHosts)).hasSize(2).last().asString()
                .startsWith("[127.0.0.1]:" + second.port() + " ssh-ed25519 ");
        CliRunner.Result pods = berth.run("get", "pods", "-n", namespace, "-o", "json", "--cluster",
                inventory.toString());
        assertThat(pods.exitCode()).as(pods.toString()).isZero();
        assertThat(pods.out()).contains("\"nodeName\" : \"node-2\"", "\"phase\" : \"Running\"");
        // both nodes see the one engine's container; the steps say where it was started
        assertThat(result.err()).containsPattern("(?m)^node-2: .*web-").doesNotContainPattern("(?m)^node-1: ");
    }

    @Test
    @Order(2)
    void aProvisionerEntryThatDoesNotValidateIsExitThreeAndLeavesTheInventoryAlone() throws Exception {
        String before = Files.readString(inventory);
        CliRunner.Result result = berth.run("apply", "-f", manifest("huge", "64Gi").toString(),
                "--cluster", inventory.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("error: the provisioner ./add-node.sh printed a node entry berth cannot "
                + "use: ").contains("duplicate node name \"node-2\"");
        assertThat(Files.readString(inventory)).isEqualTo(before);
        assertThat(Files.readAllLines(calls)).hasSize(2);
    }
}
