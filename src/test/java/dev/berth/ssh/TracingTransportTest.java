package dev.berth.ssh;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TracingTransportTest {
    private static final SshTarget NODE = SshTarget.of("node-1", "10.0.0.11", Path.of("/dev/null"));

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();

    /** Answers every command with exit 0 after 42 ms, every upload too; connections are refused. */
    private final Transport answering = new Transport() {
        @Override
        public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv) {
            nanos.addAndGet(42_000_000);
            return CompletableFuture.completedFuture(new CommandResult(argv.contains("false") ? 1 : 0,
                    "out".getBytes(StandardCharsets.UTF_8), new byte[0]));
        }

        @Override
        public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv, byte[] stdin) {
            return run(node, argv);
        }

        @Override
        public CompletableFuture<Void> upload(SshTarget node, byte[] content, String remotePath, int mode) {
            nanos.addAndGet(7_000_000);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Tunnel tunnel(SshTarget node, int remotePort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    };

    private final TracingTransport traced = new TracingTransport(answering, lines::add, nanos::get);

    @Test
    void tellsOfEachCommandWithItsNodeArgvExitCodeAndDuration() {
        traced.run(NODE, List.of("docker", "ps", "--format", "{{json .}}")).join();
        traced.run(NODE, List.of("false")).join();

        assertThat(lines).containsExactly(
                "node-1: run docker ps --format '{{json .}}' (exit 0, 42 ms)",
                "node-1: run false (exit 1, 42 ms)");
    }

    @Test
    void showsOnlyTheSizeOfStandardInputAndOfUploads() {
        traced.run(NODE, List.of("sh", "-c", "cat > f"), "s3cret-value".getBytes(StandardCharsets.UTF_8)).join();
        traced.upload(NODE, "s3cret-value".getBytes(StandardCharsets.UTF_8), "/home/berth/.berth/env", 0600).join();

        assertThat(lines).containsExactly(
                "node-1: run sh -c 'cat > f' <12 bytes on stdin> (exit 0, 42 ms)",
                "node-1: upload 12 bytes to /home/berth/.berth/env (mode 600) (done, 7 ms)");
        assertThat(String.join("\n", lines)).doesNotContain("s3cret");
    }

    @Test
    void cutsLongScripts() {
        String script = "x".repeat(TracingTransport.LONGEST_WORD + 30);

        traced.run(NODE, List.of("sh", "-c", script)).join();

        assertThat(lines).containsExactly("node-1: run sh -c '" + "x".repeat(TracingTransport.LONGEST_WORD)
                + "...(30 more)' (exit 0, 42 ms)");
    }

    @Test
    void tellsOfAFailureAndPassesItOn() {
        Transport failing = new TracingTransport(new Transport() {
            @Override
            public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv) {
                return CompletableFuture.failedFuture(new SshFailure("node-1", FailureKind.UNREACHABLE,
                        "node-1: connection refused"));
            }

            @Override
            public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv, byte[] stdin) {
                return run(node, argv);
            }

            @Override
            public CompletableFuture<Void> upload(SshTarget node, byte[] content, String remotePath, int mode) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public Tunnel tunnel(SshTarget node, int remotePort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        }, lines::add, nanos::get);

        CompletableFuture<CommandResult> result = failing.run(NODE, List.of("docker", "info"));

        assertThat(result).isCompletedExceptionally();
        assertThat(lines).containsExactly("node-1: run docker info (failed: node-1: connection refused, 0 ms)");
    }
}
