package dev.berth.exec;

import dev.berth.model.Cluster;
import dev.berth.model.ObjectMeta;
import dev.berth.ssh.HostKeyPolicy;
import dev.berth.ssh.SshTarget;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NodeTargetsTest {
    private static final Path HOME = Path.of("/home/op");

    static Cluster cluster(String jumpHost, String policy, Integer port, List<Cluster.Node> nodes) {
        return new Cluster(Cluster.API_VERSION, Cluster.KIND, new ObjectMeta("prod", null, Map.of(), Map.of()),
                new Cluster.Spec(new Cluster.Ssh("deploy", port, List.of("~/.ssh/id_ed25519"), "~/.ssh/known_hosts",
                        policy, jumpHost, "10s", "2m", 64), null, nodes, List.of(), null));
    }

    private static Path resolve(String path) {
        return path.startsWith("~/") ? HOME.resolve(path.substring(2)) : Path.of(path);
    }

    @Test
    void nodeSettingsWinOverTheClustersAndPathsAreExpanded() {
        Cluster cluster = cluster(null, "strict", null, List.of(
                new Cluster.Node("node-1", "10.0.0.11", null, null, Map.of(), List.of(), null),
                new Cluster.Node("node-3", "10.0.0.13", 2222, "ops", Map.of(), List.of(), null)));
        Map<String, SshTarget> targets = NodeTargets.of(cluster, NodeTargetsTest::resolve);
        assertThat(targets.keySet()).containsExactly("node-1", "node-3");
        SshTarget first = targets.get("node-1");
        assertThat(first.host()).isEqualTo("10.0.0.11");
        assertThat(first.port()).as("no port: left to ~/.ssh/config").isNull();
        assertThat(first.user()).isEqualTo("deploy");
        assertThat(first.identityFiles()).containsExactly(Path.of("/home/op/.ssh/id_ed25519"));
        assertThat(first.knownHostsFile()).isEqualTo(Path.of("/home/op/.ssh/known_hosts"));
        assertThat(first.hostKeyPolicy()).isEqualTo(HostKeyPolicy.STRICT);
        assertThat(first.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(first.commandTimeout()).isEqualTo(Duration.ofMinutes(2));
        SshTarget third = targets.get("node-3");
        assertThat(third.port()).isEqualTo(2222);
        assertThat(third.user()).isEqualTo("ops");
    }

    @Test
    void aJumpHostNamingANodeIsReachedAtThatNodesAddress() {
        Cluster cluster = cluster("bastion", "accept-new", 22, List.of(
                new Cluster.Node("bastion", "203.0.113.5", 2200, null, Map.of(), List.of(), null),
                new Cluster.Node("node-1", "10.0.0.11", null, null, Map.of(), List.of(), null)));
        Map<String, SshTarget> targets = NodeTargets.of(cluster, NodeTargetsTest::resolve);
        assertThat(targets.get("node-1").jumpHost()).isEqualTo("deploy@203.0.113.5:2200");
        assertThat(targets.get("bastion").jumpHost()).as("the jump host is reached directly").isNull();
        assertThat(targets.get("node-1").hostKeyPolicy()).isEqualTo(HostKeyPolicy.ACCEPT_NEW);
    }

    @Test
    void aJumpHostOutsideTheInventoryIsPassedOnForSshConfig() {
        Cluster cluster = cluster("bastion.example.com", "strict", null, List.of(
                new Cluster.Node("node-1", "10.0.0.11", null, null, Map.of(), List.of(), null)));
        assertThat(NodeTargets.of(cluster, NodeTargetsTest::resolve).get("node-1").jumpHost())
                .isEqualTo("bastion.example.com");
    }
}
