package dev.berth.ssh;

import dev.berth.cli.CliRunner;
import dev.berth.exec.NodeTargets;
import dev.berth.lab.Lab;
import dev.berth.lab.LabName;
import dev.berth.lab.LabTest;
import dev.berth.lab.TestInventory;
import dev.berth.manifest.InventoryReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.berth.ssh.LabHostKeysIT.assertStatuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Jump hosts through the lab: node-2 is addressed by its container name, which Docker's DNS resolves on the
 * lab network but this machine cannot, so only a connection forwarded by node-1 can reach it.
 */
@LabTest
class LabJumpHostIT {

    /** node-2's name on the lab network, unknown to this machine's resolver. */
    static String innerName(Lab lab) {
        return new LabName(lab.name()).nodeContainer(2);
    }

    /** Keys of node-1 and node-3 under their addresses, node-2's under its container name. */
    static Path knownHosts(Lab lab, Path directory) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Lab.Node node : lab.nodes()) {
            lines.addAll(lab.hostKeyLines(node, node.name().equals("node-2") ? innerName(lab) : node.address()));
        }
        return Files.write(directory.resolve("known_hosts"), lines);
    }

    @Test
    void theInnerNameIsUnknownOnThisMachine(Lab lab) {
        assertThatThrownBy(() -> InetAddress.getByName(innerName(lab))).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void reachesANodeThroughTheInventoryNodeNamedAsJumpHost(Lab lab, @TempDir Path directory) throws Exception {
        Path knownHosts = knownHosts(lab, directory);
        Path inventory = TestInventory.of(lab, knownHosts).jumpHost("node-1").address("node-2", innerName(lab))
                .write(directory.resolve("cluster.yaml"));

        CliRunner.Result result = lab.berth("--cluster", inventory.toString(), "get", "nodes", "-o", "wide");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertStatuses(result, "Ready", "Ready", "Ready");
        assertThat(result.out().split("\n")[2]).contains(" " + innerName(lab) + " ");
        assertThat(clientAddressSeenBy("node-2", inventory)).isEqualTo(lab.node("node-1").address());
    }

    @Test
    void cannotReachThatNodeWithoutTheJumpHost(Lab lab, @TempDir Path directory) throws Exception {
        Path inventory = TestInventory.of(lab, knownHosts(lab, directory)).address("node-2", innerName(lab))
                .connectTimeout("10s").write(directory.resolve("cluster.yaml"));

        CliRunner.Result result = lab.berth("--cluster", inventory.toString(), "get", "nodes");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertStatuses(result, "Ready", "Unreachable", "Ready");
        assertThat(result.err()).startsWith("warning: Unreachable: node-2 (" + innerName(lab) + ":22): ");
    }

    @Test
    void followsProxyJumpOfAHostAliasInSshConfig(Lab lab, @TempDir Path directory) throws Exception {
        Path home = Files.createDirectories(directory.resolve("home"));
        Files.createDirectories(home.resolve(".ssh"));
        Files.write(home.resolve(".ssh/config"), List.of(
                "Host lab-bastion",
                "  HostName " + lab.node("node-1").address(),
                "  User berth",
                "Host inner-2",
                "  HostName " + innerName(lab),
                "  ProxyJump lab-bastion"));
        Path inventory = TestInventory.of(lab, knownHosts(lab, directory)).address("node-2", "inner-2")
                .write(directory.resolve("cluster.yaml"));

        CliRunner.Result result = lab.berthAt(home, "--cluster", inventory.toString(), "get", "nodes");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertStatuses(result, "Ready", "Ready", "Ready");
    }

    /** The client address node's sshd saw ({@code $SSH_CONNECTION}), reached as berth's inventory mapping says. */
    static String clientAddressSeenBy(String node, Path inventory) throws Exception {
        SshTarget target = NodeTargets.of(new InventoryReader().read(inventory), Path::of).get(node);
        try (SshTransport transport = SshTransport.start(SshConfig.empty(), inventory.getParent(), "berth",
                PassphrasePrompt.none(), null)) {
            CommandResult result = transport.run(target, List.of("sh", "-c", "echo $SSH_CONNECTION"))
                    .get(60, TimeUnit.SECONDS);
            assertThat(result.exitCode()).as(result.stderrText()).isZero();
            return result.stdoutText().split(" ")[0];
        }
    }
}
