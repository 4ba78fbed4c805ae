package dev.berth.cli.lock;

import dev.berth.cli.CliRunner;
import dev.berth.ssh.FanOut;
import dev.berth.ssh.KeyFiles;
import dev.berth.ssh.LoopbackSshd;
import dev.berth.ssh.PassphrasePrompt;
import dev.berth.ssh.SshConfig;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.SshTransport;
import dev.berth.state.ClusterState;
import dev.berth.state.Holder;
import dev.berth.state.Lease;
import dev.berth.state.StateSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * lock status and lock release through three real sshd servers on loopback, each with a home of its own, as
 * three state nodes; a fourth node of the inventory holds no state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockCommandTest {
    static final Holder OPERATOR = new Holder("ops@desk", "berth apply", 4242);

    @TempDir
    static Path directory;
    final List<LoopbackSshd> servers = new ArrayList<>();
    Path key;
    Path knownHosts;
    Path inventory;
    final CliRunner berth = new CliRunner();

    @BeforeAll
    void startNodes() throws Exception {
        assumeTrue(LoopbackSshd.available(), "needs /usr/sbin/sshd and root");
        key = KeyFiles.generate(directory.resolve("id_ed25519"), "");
        StringBuilder known = new StringBuilder();
        StringBuilder nodes = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            Path home = Files.createDirectories(directory.resolve("home-" + i));
            LoopbackSshd sshd = LoopbackSshd.start(directory.resolve("sshd-" + i), KeyFiles.publicKey(key),
                    List.of("SetEnv HOME=" + home));
            servers.add(sshd);
            known.append(sshd.knownHostsLine("127.0.0.1")).append('\n');
            nodes.append("    - {name: node-").append(i).append(", address: 127.0.0.1, port: ").append(sshd.port())
                    .append("}\n");
        }
        nodes.append("    - {name: node-4, address: 127.0.0.1, port: ").append(LoopbackSshd.freePort()).append("}\n");
        knownHosts = Files.writeString(directory.resolve("known_hosts"), known.toString());
        inventory = Files.writeString(directory.resolve("cluster.yaml"), "apiVersion: berth.dev/v1\nkind: Cluster\n"
                + "metadata: {name: loopback}\nspec:\n  ssh: {user: root, identityFiles: [" + key + "], knownHosts: "
                + knownHosts + ", connectTimeout: 60s}\n  nodes:\n" + nodes);
    }

    @AfterAll
    void stopNodes() throws Exception {
        for (LoopbackSshd sshd : servers) {
            sshd.close();
        }
    }

    /** The lock as another berth process would take it: through the default ~/.berth of each node. */
    Lease takeLock(SshTransport transport) {
        List<SshTarget> targets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            targets.add(SshTarget.of("node-" + (i + 1), "127.0.0.1", knownHosts).withPort(servers.get(i).port())
                    .withUser("root").withIdentityFiles(List.of(key))
                    .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60)));
        }
        return new ClusterState(transport, new FanOut(4), targets, OPERATOR, Clock.systemDefaultZone(),
                StateSettings.defaults()).acquire(Duration.ZERO);
    }

    @Test
    void showsTheHolderOnEachStateNodeThenReleasesItByHand() throws Exception {
        try (SshTransport transport = SshTransport.start(SshConfig.empty(), directory, "root", PassphrasePrompt.none(),
                null)) {
            Lease lease = takeLock(transport);

            CliRunner.Result status = berth.run("lock", "status", "--cluster", inventory.toString());

            assertThat(status.exitCode()).as(status.toString()).isZero();
            List<String> lines = status.out().lines().toList();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).isEqualTo("NODE     STATE   HOLDER     COMMAND       SINCE      EXPIRES");
            for (int i = 1; i <= 3; i++) {
                assertThat(lines.get(i)).matches("node-" + i
                        + "   Held    ops@desk   berth apply   \\d\\d:\\d\\d:\\d\\d   in (1m|[1-5]?\\ds)");
            }
            assertThat(Files.readString(directory.resolve("home-2/.berth/lock"))).contains("holder=ops@desk\n");

            CliRunner.Result release = berth.run("lock", "release", "--cluster", inventory.toString());

            assertThat(release.exitCode()).as(release.toString()).isZero();
            assertThat(release.err()).isEqualTo("released the lock of ops@desk (berth apply, pid 4242)\n");
            assertThat(release.out()).contains("node-1   Released   ops@desk");
            assertThat(Files.exists(directory.resolve("home-2/.berth/lock"))).isFalse();
            lease.close();

            CliRunner.Result free = berth.run("lock", "status", "-o", "json", "--cluster", inventory.toString());
            assertThat(free.exitCode()).as(free.toString()).isZero();
            assertThat(free.out()).contains("\"node\" : \"node-3\"", "\"state\" : \"Free\"").doesNotContain("ops@desk");
        }
    }

    @Test
    void exitsThreeNamingTheNodesWhenTooFewStateNodesAnswer() throws Exception {
        Path cut = Files.writeString(directory.resolve("cut.yaml"), Files.readString(inventory)
                .replace("port: " + servers.get(0).port(), "port: " + LoopbackSshd.freePort())
                .replace("port: " + servers.get(1).port(), "port: " + LoopbackSshd.freePort()));

        CliRunner.Result status = berth.run("lock", "status", "--cluster", cut.toString());

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(3);
        assertThat(status.out()).contains("node-1   Unreachable", "node-2   Unreachable", "node-3   Free");
        assertThat(status.err()).contains("warning: Unreachable: node-1 (127.0.0.1:")
                .endsWith("error: 2 of 3 state nodes did not answer (2 must answer)\n");
    }
}
