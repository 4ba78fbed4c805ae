package dev.berth.ssh;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands streamed over exec channels of a real OpenSSH sshd on a loopback port, with and without a terminal. */
@EnabledIf("dev.berth.ssh.LoopbackSshd#available")
class StreamedCommandTest {
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static LoopbackServers servers;

    SshTransport transport;
    final Captured captured = new Captured();

    @BeforeAll
    static void startServer() throws Exception {
        servers = LoopbackServers.start(dir);
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

    /** What a command wrote so far, per stream; tests wait on it instead of sleeping. */
    static final class Captured implements OutputSink {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        @Override
        public synchronized void stdout(byte[] chunk) {
            out.writeBytes(chunk);
            notifyAll();
        }

        @Override
        public synchronized void stderr(byte[] chunk) {
            err.writeBytes(chunk);
            notifyAll();
        }

        synchronized String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        synchronized String err() {
            return err.toString(StandardCharsets.UTF_8);
        }

        synchronized void awaitOut(Predicate<String> seen) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!seen.test(out())) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                assertThat(left).as("output so far: %s", out()).isPositive();
                wait(left);
            }
        }
    }

    SshTarget node() {
        return servers.target("node-1", "sshd").withTimeouts(PATIENCE, Duration.ofSeconds(1));
    }

    StreamedCommand start(List<String> argv, StreamOptions options) throws Exception {
        return await(transport.stream(node(), argv, captured, options));
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(2 * PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Nested
    class WithoutATerminal {
        @Test
        void handsOverOutputWhileTheCommandStillRuns() throws Exception {
            StreamedCommand command = start(List.of("sh", "-c", "echo first; read answer; echo \"got $answer\""),
                    StreamOptions.withInput());

            captured.awaitOut(out -> out.equals("first\n"));
            assertThat(command.exit()).isNotDone();
            command.send("yes\n".getBytes(StandardCharsets.UTF_8));

            assertThat(await(command.exit())).isZero();
            assertThat(captured.out()).isEqualTo("first\ngot yes\n");
        }

        @Test
        void outlivesTheNodesCommandTimeout() throws Exception {
            // the node's command timeout is 1 s; a streamed command has none
            StreamedCommand command = start(List.of("sh", "-c", "echo start; sleep 3; echo end"),
                    StreamOptions.outputOnly());

            assertThat(await(command.exit())).isZero();
            assertThat(captured.out()).isEqualTo("start\nend\n");
        }

        @Test
        void keepsStderrApartAndReturnsTheExitCode() throws Exception {
            StreamedCommand command = start(List.of("sh", "-c", "echo out; echo err >&2; exit 7"),
                    StreamOptions.outputOnly());

            assertThat(await(command.exit())).isEqualTo(7);
            assertThat(captured.out()).isEqualTo("out\n");
            assertThat(captured.err()).isEqualTo("err\n");
        }

        @Test
        void endsTheInputWithEndOfFile() throws Exception {
            StreamedCommand command = start(List.of("wc", "-c"), StreamOptions.withInput());

            command.send("12345".getBytes(StandardCharsets.UTF_8));
            command.endInput();

            assertThat(await(command.exit())).isZero();
            assertThat(captured.out().strip()).isEqualTo("5");
        }

        @Test
        void runsNoTerminal() throws Exception {
            StreamedCommand command = start(List.of("sh", "-c", "test -t 0 && echo tty || echo pipe"),
                    StreamOptions.outputOnly());

            assertThat(await(command.exit())).isZero();
            assertThat(captured.out()).isEqualTo("pipe\n");
        }

        @Test
        void cancelledEndsAtOnce() throws Exception {
            StreamedCommand command = start(List.of("sleep", "120"), StreamOptions.outputOnly());

            command.cancel();

            assertThat(await(command.exit())).isNotNull();
        }
    }

    @Nested
    class OnATerminal {
        @Test
        void hasTheAskedSizeAndFollowsResizes() throws Exception {
            StreamedCommand command = start(List.of("sh", "-c", "stty size; read answer; stty size"),
                    StreamOptions.terminal(new PtyRequest("xterm", 100, 30)));

            captured.awaitOut(out -> out.contains("30 100"));
            command.resize(120, 40);
            command.send("\r".getBytes(StandardCharsets.UTF_8));

            assertThat(await(command.exit())).isZero();
            assertThat(captured.out()).contains("40 120");
        }

        @Test
        void passesControlCToTheRemoteProcess() throws Exception {
            StreamedCommand command = start(List.of("sh", "-c", "echo sleeping; exec sleep 120"),
                    StreamOptions.terminal(new PtyRequest("xterm", 80, 24)));

            captured.awaitOut(out -> out.contains("sleeping"));
            command.send(new byte[] {3});

            // sleep ended by SIGINT from the remote terminal: 128 + 2
            assertThat(await(command.exit())).isEqualTo(130);
        }

        @Test
        void givesTheCommandATerminalAndItsType() throws Exception {
            StreamedCommand command = start(List.of("sh", "-c", "test -t 0 && echo \"tty $TERM\""),
                    StreamOptions.terminal(new PtyRequest("screen", 80, 24)));

            assertThat(await(command.exit())).isZero();
            assertThat(captured.out()).contains("tty screen");
        }
    }
}
