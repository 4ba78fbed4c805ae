package dev.berth.ssh;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.berth.ssh.SshTransportTest.PATIENCE;
import static dev.berth.ssh.SshTransportTest.await;
import static dev.berth.ssh.SshTransportTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Host keys, identities, ssh-agent, ~/.ssh/config and jump hosts, against two real loopback sshd servers. */
@EnabledIf("dev.berth.ssh.LoopbackSshd#available")
class SshTrustTest {
    @TempDir
    static Path dir;
    static LoopbackSshd node;
    static LoopbackSshd bastion;
    static Path plainKey;
    static Path protectedKey;
    static Path home;

    SshTransport transport;

    @BeforeAll
    static void startServers() throws Exception {
        plainKey = KeyFiles.generate(dir.resolve("keys/plain"), "");
        protectedKey = KeyFiles.generate(dir.resolve("keys/protected"), "correct horse");
        Path authorized = dir.resolve("authorized_keys");
        Files.writeString(authorized, Files.readString(KeyFiles.publicKey(plainKey))
                + Files.readString(KeyFiles.publicKey(protectedKey)));
        node = LoopbackSshd.start(dir.resolve("node"), authorized);
        bastion = LoopbackSshd.start(dir.resolve("bastion"), authorized);
        home = Files.createDirectories(dir.resolve("home"));
    }

    @AfterAll
    static void stopServers() throws Exception {
        node.close();
        bastion.close();
    }

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    SshTransport transport(SshConfig config, PassphrasePrompt prompt, Path agent) {
        transport = SshTransport.start(config, home, "root", prompt, agent);
        return transport;
    }

    SshTransport transport() {
        return transport(SshConfig.empty(), PassphrasePrompt.none(), null);
    }

    static Path knownHosts(String name, String... lines) throws IOException {
        Path file = dir.resolve("known_hosts/" + name);
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines));
        return file;
    }

    static SshTarget target(Path knownHosts) {
        return SshTarget.of("node-2", "127.0.0.1", knownHosts).withPort(node.port()).withUser("root")
                .withIdentityFiles(List.of(plainKey)).withTimeouts(PATIENCE, PATIENCE);
    }

    @Nested
    class HostKeys {
        @Test
        void refusesAnUnknownKeyUnderTheStrictPolicy() throws Exception {
            Path file = knownHosts("empty");

            SshFailure failure = failureOf(transport().run(target(file), List.of("true")));

            assertThat(failure.kind()).isEqualTo(FailureKind.HOST_KEY);
            assertThat(failure.getMessage()).isEqualTo("node-2 (127.0.0.1:" + node.port() + "): host key is not in "
                    + file + "; add it with ssh-keyscan, or set hostKeyPolicy: accept-new");
            assertThat(failure.exitCode().code()).isEqualTo(3);
        }

        @ParameterizedTest(name = "only its {0} key")
        @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
        void connectsWhenKnownHostsHoldsAnyOneOfTheServersKeyTypes(String type) throws Exception {
            Path file = knownHosts("only-" + type, node.knownHostsLine("127.0.0.1", type));

            CommandResult result = await(transport().run(target(file), List.of("echo", "pinned " + type)));

            assertThat(result.stdoutText()).isEqualTo("pinned " + type + "\n");
            assertThat(Files.readAllLines(file)).containsExactly(node.knownHostsLine("127.0.0.1", type));
        }

        @Test
        void refusesAWrongKeyOfOneTypeAlthoughTheServerOffersOthers() throws Exception {
            String impostor = Files.readString(bastion.hostPublicKey("rsa")).strip().split(" ", 3)[1];
            Path file = knownHosts("wrong-rsa", "[127.0.0.1]:" + node.port() + " ssh-rsa " + impostor);

            SshFailure failure = failureOf(transport().run(target(file).withHostKeyPolicy(HostKeyPolicy.ACCEPT_NEW),
                    List.of("true")));

            assertThat(failure.kind()).isEqualTo(FailureKind.HOST_KEY);
            assertThat(failure.getMessage()).startsWith("node-2 (127.0.0.1:" + node.port()
                    + "): host key has changed (" + file + " line 1 holds another)");
        }

        @Test
        void refusesAChangedKeyUnderEveryPolicy() throws Exception {
            String impostor = Files.readString(bastion.hostPublicKey()).strip().split(" ", 3)[1];
            Path file = knownHosts("changed", "[127.0.0.1]:" + node.port() + " ssh-ed25519 " + impostor);

            for (HostKeyPolicy policy : HostKeyPolicy.values()) {
                SshFailure failure = failureOf(transport().run(target(file).withHostKeyPolicy(policy), List.of("true")));

                assertThat(failure.kind()).isEqualTo(FailureKind.HOST_KEY);
                assertThat(failure.getMessage()).isEqualTo("node-2 (127.0.0.1:" + node.port()
                        + "): host key has changed (" + file + " line 1 holds another); if the server was"
                        + " reinstalled, remove the old key with ssh-keygen -R '[127.0.0.1]:" + node.port() + "'");
                transport.close();
            }
            assertThat(Files.readAllLines(file)).hasSize(1);
        }

        @Test
        void recordsANewKeyUnderAcceptNewAndTrustsItAfterwards() throws Exception {
            Path file = dir.resolve("known_hosts/created/by-accept-new");

            CommandResult result = await(transport().run(target(file).withHostKeyPolicy(HostKeyPolicy.ACCEPT_NEW),
                    List.of("echo", "hello")));

            assertThat(result.stdoutText()).isEqualTo("hello\n");
            List<String> recorded = Files.readAllLines(file);
            assertThat(recorded).hasSize(1);
            assertThat(recorded.get(0)).as("the key OpenSSH records on a first contact")
                    .isEqualTo(node.knownHostsLine("127.0.0.1", "ed25519"));
            transport.close();
            assertThat(await(transport().run(target(file), List.of("true"))).exitCode()).isZero();
        }

        @Test
        void acceptsAKeyHashedByOpenSsh() throws Exception {
            Path file = knownHosts("hashed", node.knownHostsLine("127.0.0.1"));
            Process hash = new ProcessBuilder("ssh-keygen", "-H", "-f", file.toString()).redirectErrorStream(true).start();
            hash.getInputStream().readAllBytes();
            assertThat(hash.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS) && hash.exitValue() == 0).isTrue();
            assertThat(Files.readString(file)).startsWith("|1|");

            assertThat(await(transport().run(target(file), List.of("true"))).exitCode()).isZero();
        }
    }

    @Nested
    class Identities {
        @Test
        void explainsAProtectedKeyWhenNoTerminalCanAsk() throws Exception {
            Path file = knownHosts("for-protected", node.knownHostsLine("127.0.0.1"));

            SshFailure failure = failureOf(transport().run(
                    target(file).withIdentityFiles(List.of(protectedKey)), List.of("true")));

            assertThat(failure.kind()).isEqualTo(FailureKind.AUTH);
            assertThat(failure.getMessage()).isEqualTo("node-2 (127.0.0.1:" + node.port()
                    + "): permission denied for user root (publickey); identity file " + protectedKey
                    + " is passphrase-protected and no terminal is attached; load it into ssh-agent");
        }

        @Test
        void usesAProtectedKeyWithThePassphraseTheTerminalGives() throws Exception {
            Path file = knownHosts("for-prompt", node.knownHostsLine("127.0.0.1"));
            SshTransport prompting = transport(SshConfig.empty(), key -> Optional.of("correct horse"), null);

            CommandResult result = await(prompting.run(target(file).withIdentityFiles(List.of(protectedKey)),
                    List.of("true")));

            assertThat(result.exitCode()).isZero();
        }

        @Test
        void namesAMissingIdentityFile() throws Exception {
            Path file = knownHosts("for-missing", node.knownHostsLine("127.0.0.1"));
            Path missing = dir.resolve("keys/missing");

            SshFailure failure = failureOf(transport().run(target(file).withIdentityFiles(List.of(missing)),
                    List.of("true")));

            assertThat(failure.getMessage()).endsWith("; identity file " + missing + " does not exist");
        }

        @Test
        void signsWithTheKeysOfSshAgent() throws Exception {
            Path file = knownHosts("for-agent", node.knownHostsLine("127.0.0.1"));
            Path socket = dir.resolve("agent.sock");
            Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("agent.out").toFile()).start();
            try {
                awaitAgent(agent, socket);
                assertThat(sshAdd(socket, plainKey.toString()).exit()).as("ssh-add of the key").isZero();
                String publicKey = Files.readString(KeyFiles.publicKey(plainKey)).split(" ")[1];
                assertThat(sshAdd(socket, "-L").output()).as("the agent holds the key").contains(publicKey);
                SshTransport withAgent = transport(SshConfig.empty(), PassphrasePrompt.none(), socket);

                CommandResult result = await(withAgent.run(target(file).withIdentityFiles(List.of()),
                        List.of("echo", "via agent")));

                assertThat(result.stdoutText()).isEqualTo("via agent\n");
            } finally {
                agent.destroy();
                agent.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        }

        /** Waits until ssh-agent answers on its socket: {@code ssh-add -l} says 1 (no keys) rather than 2. */
        void awaitAgent(Process agent, Path socket) throws Exception {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!Files.exists(socket) || sshAdd(socket, "-l").exit() != 1) {
                assertThat(agent.isAlive()).as("ssh-agent runs: " + Files.readString(dir.resolve("agent.out")))
                        .isTrue();
                assertThat(System.nanoTime()).as("ssh-agent listens on " + socket).isLessThan(deadline);
                Thread.sleep(50);
            }
        }

        record Added(int exit, String output) {
        }

        /** Runs {@code ssh-add ARG} against the agent at {@code socket}. */
        Added sshAdd(Path socket, String arg) throws Exception {
            ProcessBuilder builder = new ProcessBuilder("ssh-add", arg).redirectErrorStream(true);
            builder.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process add = builder.start();
            String output = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(add.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("ssh-add " + arg + " ended").isTrue();
            return new Added(add.exitValue(), output);
        }
    }

    @Nested
    class SshConfigAndJumpHosts {
        @Test
        void resolvesAnAliasThroughSshConfigAndChecksTheKeyUnderItsHostName() throws Exception {
            Path file = knownHosts("for-alias", node.knownHostsLine("127.0.0.1"));
            SshConfig config = SshConfig.parse(List.of("Host app-*", "  HostName 127.0.0.1",
                    "  Port " + node.port(), "  User root", "  IdentityFile " + plainKey));

            CommandResult result = await(transport(config, PassphrasePrompt.none(), null)
                    .run(SshTarget.of("app-1", "app-1", file), List.of("id", "-un")));

            assertThat(result.stdoutText()).isEqualTo("root\n");
        }

        @Test
        void reachesANodeThroughAJumpHostNamedInSshConfig() throws Exception {
            Path file = knownHosts("for-jump", node.knownHostsLine("127.0.0.1"), bastion.knownHostsLine("127.0.0.1"));
            SshConfig config = SshConfig.parse(List.of("Host bastion", "  HostName 127.0.0.1",
                    "  Port " + bastion.port(), "  IdentityFile " + plainKey));
            long bastionLogins = bastion.logins();
            SshTransport jumping = transport(config, PassphrasePrompt.none(), null);
            SshTarget behindBastion = target(file).withJumpHost("bastion");

            CommandResult first = await(jumping.run(behindBastion, List.of("echo", "behind the bastion")));
            CommandResult second = await(jumping.run(behindBastion.withPort(node.port()), List.of("true")));

            assertThat(first.stdoutText()).isEqualTo("behind the bastion\n");
            assertThat(second.exitCode()).isZero();
            assertThat(bastion.logins() - bastionLogins).isEqualTo(1);
            assertThat(jumping.sessionsOpened()).isEqualTo(2);
        }

        @Test
        void blamesTheJumpHostWhenItCannotBeReached() throws Exception {
            Path file = knownHosts("for-dead-jump", node.knownHostsLine("127.0.0.1"));
            int closedPort = LoopbackSshd.freePort();

            SshFailure failure = failureOf(transport().run(target(file).withJumpHost("root@127.0.0.1:" + closedPort),
                    List.of("true")));

            assertThat(failure.kind()).isEqualTo(FailureKind.UNREACHABLE);
            assertThat(failure.node()).isEqualTo("node-2");
            assertThat(failure.getMessage()).isEqualTo("node-2 (127.0.0.1:" + node.port()
                    + "): via jump host root@127.0.0.1:" + closedPort + " (127.0.0.1:" + closedPort
                    + "): connection refused");
        }
    }
}
