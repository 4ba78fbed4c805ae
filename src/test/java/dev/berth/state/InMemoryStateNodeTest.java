package dev.berth.state;

import dev.berth.ssh.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory state node answers as the real record and lock scripts do when a shell runs them on a disk:
 * the same calls give the same exit codes and the same output (the node's clock aside).
 */
class InMemoryStateNodeTest {
    private static final Holder ALICE = new Holder("alice@laptop", "berth apply", 41);
    private static final Holder BOB = new Holder("bob@ci", "berth scale", 42);
    private static final byte[] FIRST = "{\"generation\":1,\"applied\":{}}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] STALE = "{\"generation\":1,\"applied\":{\"x\":\"y\"}}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    private record Step(List<String> argv, byte[] stdin) {
    }

    private List<Step> aRunAndARivalRun(String dir) {
        byte[] none = new byte[0];
        return List.of(
                new Step(StateScripts.read(dir), none),
                new Step(StateScripts.write(dir, 0, FIRST.length), FIRST),
                new Step(StateScripts.read(dir), none),
                new Step(StateScripts.write(dir, 0, STALE.length), STALE),
                new Step(LockScripts.status(dir), none),
                new Step(LockScripts.acquire(dir, "aaaa", 60, ALICE), none),
                new Step(LockScripts.acquire(dir, "bbbb", 60, BOB), none),
                new Step(LockScripts.renew(dir, "bbbb", 60), none),
                new Step(LockScripts.renew(dir, "aaaa", 60), none),
                new Step(LockScripts.release(dir, "bbbb"), none),
                new Step(LockScripts.status(dir), none),
                new Step(LockScripts.release(dir, "aaaa"), none),
                new Step(LockScripts.release(dir, ""), none),
                new Step(StateScripts.write(dir, 1, STALE.length + 7), STALE),
                new Step(StateScripts.read(dir), none),
                new Step(StateScripts.write(dir, 1, STALE.length), STALE),
                new Step(StateScripts.read(dir), none));
    }

    @Test
    void answersEveryRecordAndLockScriptAsAShellOnADiskDoes() throws Exception {
        String dir = directory.resolve("berth").toString();
        InMemoryStateNode node = new InMemoryStateNode(Clock.systemUTC());
        List<String> inMemory = new ArrayList<>();
        List<String> onDisk = new ArrayList<>();
        for (Step step : aRunAndARivalRun(dir)) {
            inMemory.add(shown(node.answer(step.argv(), step.stdin()).orElseThrow()));
            onDisk.add(shown(shell(step.argv(), step.stdin())));
        }
        assertThat(inMemory).isEqualTo(onDisk);
        assertThat(node.answer(List.of("docker", "ps"), new byte[0])).isEmpty();
    }

    /** Exit code and output, with the node's clock (seconds since 1970) left out. */
    private static String shown(CommandResult result) {
        return "exit " + result.exitCode() + ": " + result.stdoutText().replaceAll("\\b[0-9]{10}\\b", "NOW")
                + result.stderrText();
    }

    private CommandResult shell(List<String> argv, byte[] stdin) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().put("HOME", directory.toString());
        Process process = builder.start();
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        byte[] stdout = process.getInputStream().readAllBytes();
        return new CommandResult(process.waitFor(), stdout, stderr.join());
    }
}
