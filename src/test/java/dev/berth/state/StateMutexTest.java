package dev.berth.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write mutex of a node's record, run in a real shell: a script that a killed berth's closed pipes end leaves
 * no mutex behind, and one whose script is gone does not hold the next write back.
 */
class StateMutexTest {
    private static final byte[] RECORD = "{\"generation\":1,\"applied\":{}}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path home;

    private Path mutex() {
        return home.resolve(".berth/state/write.mutex");
    }

    private Process start(List<String> argv) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().put("HOME", home.toString());
        return builder.start();
    }

    @Test
    void aWriteWhoseReaderIsGoneStillRemovesItsMutex() throws Exception {
        Process write = start(StateScripts.write(StateScripts.DEFAULT_DIRECTORY, 0, RECORD.length));
        write.getInputStream().close();
        try (OutputStream in = write.getOutputStream()) {
            in.write(RECORD);
        }
        assertThat(write.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(home.resolve(".berth/state/record.json")).hasBinaryContent(RECORD);
        assertThat(mutex()).as("the script's \"written\" met a closed pipe").doesNotExist();
    }

    @Test
    void aMutexWhoseScriptIsGoneIsBrokenAtOnce() throws Exception {
        Process gone = new ProcessBuilder("sh", "-c", "exit 0").start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Files.createDirectories(mutex());
        Files.writeString(mutex().resolve("pid"), gone.pid() + "\n");

        Process write = start(StateScripts.write(StateScripts.DEFAULT_DIRECTORY, 0, RECORD.length));
        try (OutputStream in = write.getOutputStream()) {
            in.write(RECORD);
        }
        String said = new String(write.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(write.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(write.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(said).as(errors).isEqualTo("written\n");
        assertThat(mutex()).doesNotExist();
    }

    @Test
    void aLiveScriptsMutexIsWaitedForAndThenRefused() throws Exception {
        Process holder = new ProcessBuilder("sleep", "60").start();
        try {
            Files.createDirectories(mutex());
            Files.writeString(mutex().resolve("pid"), holder.pid() + "\n");

            Process write = start(StateScripts.write(StateScripts.DEFAULT_DIRECTORY, 0, RECORD.length));
            try (OutputStream in = write.getOutputStream()) {
                in.write(RECORD);
            }
            String errors = new String(write.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(write.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(write.exitValue()).isEqualTo(1);
            assertThat(errors).contains("state/write.mutex is busy");
            assertThat(home.resolve(".berth/state/record.json")).doesNotExist();
        } finally {
            holder.destroyForcibly();
        }
    }
}
