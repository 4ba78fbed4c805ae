package dev.berth.ssh;

import dev.berth.shell.ShellQuoteTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The transport against a real OpenSSH sshd on a loopback port. */
@EnabledIf("dev.berth.ssh.LoopbackSshd#available")
class SshTransportTest {
    @TempDir
    static Path dir;
    static LoopbackServers servers;
    static LoopbackSshd sshd;

    SshTransport transport;

    @BeforeAll
    static void startServer() throws Exception {
        servers = LoopbackServers.start(dir);
        sshd = servers.server();
    }

    @AfterAll
    static void stopServer() throws Exception {
        servers.close();
    }

    @BeforeEach
    void startTransport() throws IOException {
        transport = servers.transport();
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    /**
     * How long a test waits for anything, and the connect and command timeouts of a node that answers: a guard
     * against a hang, never a measure of speed (a fresh key exchange on a busy machine can take seconds).
     */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    static SshTarget node() {
        return servers.target("node-1", "sshd");
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(2 * PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    static SshFailure failureOf(CompletableFuture<?> future) {
        Throwable thrown = catchThrowable(() -> future.get(2 * PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertThat(thrown).hasCauseInstanceOf(SshFailure.class);
        return (SshFailure) thrown.getCause();
    }

    @Nested
    class RunningCommands {
        @Test
        void returnsStdoutStderrAndTheExitCode() throws Exception {
            CommandResult result = await(transport.run(node(), List.of("sh", "-c", "echo out; echo err >&2; exit 3")));

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.stdoutText()).isEqualTo("out\n");
            assertThat(result.stderrText()).isEqualTo("err\n");
        }

        @Test
        void deliversHostileArgumentsByteForByte() throws Exception {
            List<String> hostile = List.of("", " ", ";", "a;b", "&", "| cat /etc/passwd", "$(id)", "`id`", "'",
                    "it's", "\"", "\\", "\n", "two\nlines", "-n", "--help", "*", "~", "$HOME", "${IFS}", "#x",
                    "!", "<in", ">out", "é", "日本語", "🚢", "%s", "'\\''", "\t\r");
            List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
            argv.addAll(hostile);

            CommandResult result = await(transport.run(node(), argv));

            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).isEqualTo(ShellQuoteTest.nulTerminated(hostile));
        }

        @Test
        void feedsStandardInput() throws Exception {
            byte[] input = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);

            CommandResult result = await(transport.run(node(), List.of("wc", "-l"), input));

            assertThat(result.stdoutText().strip()).isEqualTo("2");
        }

        @Test
        void reusesOneSessionForEveryCommandOfARun() throws Exception {
            long loginsBefore = sshd.logins();

            for (int i = 0; i < 5; i++) {
                assertThat(await(transport.run(node(), List.of("true"))).exitCode()).isZero();
            }

            assertThat(transport.sessionsOpened()).isEqualTo(1);
            assertThat(sshd.logins() - loginsBefore).isEqualTo(1);
        }

        @Test
        void failsACommandThatOutlivesItsTimeout() {
            SshTarget impatient = node().withTimeouts(PATIENCE, Duration.ofSeconds(1));

            // without the timeout the command would succeed, in 30 s
            SshFailure failure = failureOf(transport.run(impatient, List.of("sleep", "30")));

            assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(failure.getMessage()).isEqualTo("node-1: command did not finish within 1s");
        }
    }

    @Nested
    class UnreachableNodes {
        @Test
        void reportsARefusedConnection() throws Exception {
            int closedPort = LoopbackSshd.freePort();

            SshFailure failure = failureOf(transport.run(node().withPort(closedPort), List.of("true")));

            assertThat(failure.kind()).isEqualTo(FailureKind.UNREACHABLE);
            assertThat(failure.getMessage()).isEqualTo("node-1 (127.0.0.1:" + closedPort + "): connection refused");
            assertThat(failure.exitCode().code()).isEqualTo(3);
        }

        @Test
        void givesUpOnAServerThatAcceptsButNeverSpeaks() throws Exception {
            try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
                List<Socket> accepted = new ArrayList<>();
                Thread acceptor = new Thread(() -> {
                    try {
                        while (true) {
                            accepted.add(silent.accept());
                        }
                    } catch (IOException closed) {
                        // the test is over
                    }
                });
                acceptor.start();
                SshTarget blackHole = node().withPort(silent.getLocalPort()).withTimeouts(Duration.ofSeconds(1), PATIENCE);

                // the server never speaks: only the connect timeout ends the attempt
                SshFailure failure = failureOf(transport.run(blackHole, List.of("true")));

                assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
                assertThat(failure.getMessage()).isEqualTo("node-1 (127.0.0.1:" + silent.getLocalPort()
                        + "): no SSH answer within 1s (connect timeout)");
            }
        }
    }

    @Nested
    class Uploads {
        @Test
        void writesTheFileWithTheRequestedMode() throws Exception {
            Path remote = dir.resolve("uploaded/secret.env");
            Files.createDirectories(remote.getParent());
            byte[] content = "PASSWORD=s3cret'$(id)\n".getBytes(StandardCharsets.UTF_8);

            await(transport.upload(node(), content, remote.toString(), 0600));

            CommandResult stat = await(transport.run(node(), List.of("stat", "-c", "%a %s", remote.toString())));
            assertThat(stat.stdoutText()).isEqualTo("600 " + content.length + "\n");
            CommandResult cat = await(transport.run(node(), List.of("cat", remote.toString())));
            assertThat(cat.stdout()).isEqualTo(content);
        }

        @Test
        void replacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws Exception {
            Path remote = dir.resolve("replaced/nginx.conf");
            Files.createDirectories(remote.getParent());
            Files.writeString(remote, "old");

            await(transport.upload(node(), "new".getBytes(StandardCharsets.UTF_8), remote.toString(), 0644));

            assertThat(Files.readString(remote)).isEqualTo("new");
            assertThat(Files.list(remote.getParent()).map(p -> p.getFileName().toString()).toList())
                    .containsExactly("nginx.conf");
            assertThat(await(transport.run(node(), List.of("stat", "-c", "%a", remote.toString()))).stdoutText())
                    .isEqualTo("644\n");
        }

        @Test
        void reportsAFailedWrite() {
            SshFailure failure = failureOf(transport.upload(node(), new byte[]{1}, "/nonexistent-dir/file", 0600));

            assertThat(failure.getMessage()).startsWith("node-1: cannot write /nonexistent-dir/file: ");
        }
    }

    @Nested
    class Tunnels {
        @Test
        void reachesAPortOnTheNode() throws Exception {
            try (ServerSocket service = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
                Thread server = new Thread(() -> {
                    try (Socket client = service.accept()) {
                        client.getOutputStream().write("hello from the node\n".getBytes(StandardCharsets.UTF_8));
                    } catch (IOException ignored) {
                        // the test fails on its own assertion
                    }
                });
                server.start();

                try (Tunnel tunnel = transport.tunnel(node(), service.getLocalPort());
                     Socket socket = new Socket(tunnel.localAddress().getAddress(), tunnel.localAddress().getPort())) {
                    socket.setSoTimeout((int) PATIENCE.toMillis());
                    assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo("hello from the node\n");
                }
                server.join(PATIENCE.toMillis());
            }
        }
    }
}
