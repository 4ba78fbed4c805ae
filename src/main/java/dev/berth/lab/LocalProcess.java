package dev.berth.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program on this machine (never through a shell) with a time limit, capturing its output.
 * Output goes to temporary files, so a chatty program can never block on a full pipe.
 */
public final class LocalProcess {

    /** Runs {@code argv} with no input. */
    public ProcessResult run(List<String> argv, Duration timeout) {
        return run(argv, timeout, null);
    }

    /** Runs {@code argv}, feeding {@code stdin} (may be null) to it. */
    public ProcessResult run(List<String> argv, Duration timeout, String stdin) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("berth-out", ".txt");
            err = Files.createTempFile("berth-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (stdin == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                return new ProcessResult(argv, ProcessResult.NOT_FOUND, "",
                        "cannot run " + argv.get(0) + ": " + e.getMessage(), false);
            }
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the program exited without reading its input; its exit code tells the rest
                }
            }
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            return new ProcessResult(argv, finished ? process.exitValue() : -1,
                    Files.readString(out), Files.readString(err), !finished);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv.get(0), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }
}
