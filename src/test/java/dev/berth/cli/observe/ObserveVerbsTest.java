package dev.berth.cli.observe;

import dev.berth.cli.CliRunner;
import dev.berth.model.BerthLabels;
import dev.berth.ssh.KeyFiles;
import dev.berth.ssh.LoopbackSshd;
import dev.berth.testing.LocalDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
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
 * get, describe and top through a real OpenSSH server on loopback to this machine's real Docker engine,
 * with a second node whose port answers nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObserveVerbsTest {
    private static final String POD = "web-5d8f7c9b4a-x2x9z";
    /** Any age berth prints ({@code 5s}, {@code 2m5s}, {@code 3h}): how old a container is depends on the machine. */
    static final String AGE = "\\d[\\dsmhdy]*";

    @TempDir
    static Path directory;

    private final String namespace = "observe-" + UUID.randomUUID().toString().substring(0, 8);
    private LoopbackSshd sshd;
    private Path bothNodes;
    private Path oneNode;
    private final CliRunner berth = new CliRunner();

    @BeforeAll
    void startNodeAndReplica() throws Exception {
        assumeTrue(LoopbackSshd.available(), "needs /usr/sbin/sshd and root");
        assumeTrue(LocalDocker.available(), "needs a local Docker engine and busybox-static");
        LocalDocker.ensureTinyImage();
        Path key = KeyFiles.generate(directory.resolve("id_ed25519"), "");
        sshd = LoopbackSshd.start(directory.resolve("sshd"), KeyFiles.publicKey(key));
        Path knownHosts = Files.writeString(directory.resolve("known_hosts"), sshd.knownHostsLine("127.0.0.1") + "\n");
        String common = "apiVersion: berth.dev/v1\nkind: Cluster\nmetadata: {name: loopback}\nspec:\n"
                + "  ssh: {user: root, identityFiles: [" + key + "], knownHosts: " + knownHosts
                + ", connectTimeout: 60s}\n  nodes:\n"
                + "    - {name: node-1, address: 127.0.0.1, port: " + sshd.port() + ", roles: [edge], labels: {zone: a}}\n";
        oneNode = Files.writeString(directory.resolve("one.yaml"), common);
        bothNodes = Files.writeString(directory.resolve("both.yaml"), common
                + "    - {name: node-2, address: 127.0.0.1, port: " + LoopbackSshd.freePort() + "}\n");
        LocalDocker.runLabelled(namespace + "_" + POD + "_app", List.of(BerthLabels.MANAGED + "=true",
                BerthLabels.NAMESPACE + "=" + namespace, BerthLabels.DEPLOYMENT + "=web", BerthLabels.POD + "=" + POD,
                BerthLabels.CONTAINER + "=app", BerthLabels.CPU_REQUEST + "=250",
                BerthLabels.MEMORY_REQUEST + "=" + (64L << 20), "app=web"));
    }

    @AfterAll
    void stop() throws Exception {
        if (sshd != null) {
            sshd.close();
            LocalDocker.run("docker", "rm", "--force", namespace + "_" + POD + "_app");
        }
    }

    @Nested
    class GetNodes {
        @Test
        void showsReadyAndUnreachableNodesAndExitsThreeWhenOneFailed() {
            CliRunner.Result result = berth.run("get", "nodes", "--cluster", bothNodes.toString());
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            List<String> lines = result.out().lines().toList();
            assertThat(lines.get(0)).startsWith("NAME     STATUS        ROLES    DOCKER");
            assertThat(lines.get(1)).matches("node-1   Ready         edge     \\S+ +\\S+/\\d+ \\(\\d+%\\) .*");
            assertThat(lines.get(2)).startsWith("node-2   Unreachable   <none>   <unknown>");
            assertThat(result.err()).startsWith("warning: Unreachable: node-2 (127.0.0.1:").contains("refused");
        }

        @Test
        void allNodesAnsweringIsExitZeroAndJsonCarriesTheEngine() {
            CliRunner.Result result = berth.run("get", "no", "node-1", "-o", "json", "--cluster", oneNode.toString());
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("\"name\" : \"node-1\"", "\"status\" : \"Ready\"", "\"engineVersion\"");
            assertThat(result.err()).isEmpty();
        }

        @Test
        void selectsNodesByLabel() {
            CliRunner.Result result = berth.run("get", "nodes", "-l", "zone=b", "--cluster", oneNode.toString());
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).isEqualTo("No resources found.\n");
        }
    }

    @Nested
    class GetPods {
        @Test
        void listsTheReplicaWithItsNode() {
            CliRunner.Result result = berth.run("get", "pods", "-n", namespace, "--cluster", oneNode.toString());
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out().lines().toList()).hasSize(2);
            assertThat(result.out()).startsWith("NAME                   READY   STATUS    RESTARTS   AGE")
                    .containsPattern(POD + "   1/1     Running   0          " + AGE + " +node-1\n");
        }

        @Test
        void allNamespacesAddTheNamespaceColumnAndSelectorsFilter() {
            CliRunner.Result result = berth.run("get", "po", "-A", "-l", "app=web", "-o", "wide",
                    "--cluster", oneNode.toString());
            assertThat(result.exitCode()).as(result.toString()).isZero();
            // -A lists whatever else runs on the machine's engine too, which may widen the column
            assertThat(result.out()).startsWith("NAMESPACE").containsPattern(namespace + " +" + POD)
                    .contains(LocalDocker.TINY_IMAGE).contains("127.0.0.1");
            CliRunner.Result none = berth.run("get", "po", "-n", namespace, "-l", "app=api", "--cluster",
                    oneNode.toString());
            assertThat(none.err()).isEqualTo("No resources found in " + namespace + " namespace.\n");
        }

        @Test
        void aNamedPodThatDoesNotExistIsAnError() {
            CliRunner.Result result = berth.run("get", "pod", "nope", "-n", namespace, "--cluster", oneNode.toString());
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("error: pod nope not found\n");
        }
    }

    @Nested
    class DescribeAndTop {
        @Test
        void describesTheNodeWithItsPodsAndRequests() {
            CliRunner.Result result = berth.run("describe", "node", "node-1", "--cluster", oneNode.toString());
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("Name:      node-1\n", "Roles:     edge\n", "Status:    Ready\n")
                    .doesNotContain("Reason:")
                    .containsPattern("Requested: cpu \\d+m?/\\d+ \\(\\d+%\\), memory \\d+Mi/") // the engine is shared with other tests
                    .contains(namespace + "/" + POD + "  1/1  Running");
        }

        @Test
        void describesThePodsContainers() {
            CliRunner.Result result = berth.run("describe", "pod", POD, "-n", namespace, "--cluster", oneNode.toString());
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("Deployment: web\n", "Node:       node-1 (127.0.0.1)\n",
                    "  Image:     " + LocalDocker.TINY_IMAGE + "\n", "  State:     running\n");
        }

        @Test
        void topShowsLiveUsageOfNodesAndPods() {
            CliRunner.Result nodes = berth.run("top", "nodes", "--cluster", oneNode.toString());
            assertThat(nodes.exitCode()).as(nodes.toString()).isZero();
            assertThat(nodes.out()).startsWith("NAME     CPU(cores)   CPU%").containsPattern("node-1   \\S+ +\\d+% ");
            CliRunner.Result pods = berth.run("top", "pods", "-n", namespace, "--cluster", oneNode.toString());
            assertThat(pods.exitCode()).as(pods.toString()).isZero();
            assertThat(pods.out()).startsWith("NAME").containsPattern(POD + "   \\S+ +\\S+ +node-1");
        }
    }
}
