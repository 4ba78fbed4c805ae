package dev.berth.exec;

import dev.berth.error.ClusterException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the inventory's provisioner command on this machine: its argv as written (no shell), in the inventory's
 * directory, with standard input closed, {@code BERTH_CLUSTER} and {@code BERTH_PENDING} in its environment, and
 * at most {@link #TIMEOUT}. What it prints on stdout is its answer; its stderr is passed on for people.
 */
public final class ProvisionerProcess {
    /** Creating a server can take minutes; ten is generous and still ends a hung command. */
    public static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Duration timeout;

    public ProvisionerProcess(Duration timeout) {
        this.timeout = timeout;
    }

    /** What the command printed. */
    public record Output(String stdout, String stderr) {
    }

    /** Runs {@code command}; a failure to start, a non-zero exit or the timeout is an error naming it. */
    public Output run(List<String> command, Path inventory, String pending) {
        Path directory = inventory.toAbsolutePath().getParent();
        List<String> argv = new ArrayList<>(command);
        String program = argv.get(0);
        if (program.contains("/") && !Path.of(program).isAbsolute()) {
            argv.set(0, directory.resolve(program).normalize().toString());
        }
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("berth-provisioner", ".out");
            stderr = Files.createTempFile("berth-provisioner", ".err");
            ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("BERTH_CLUSTER", inventory.toAbsolutePath().toString());
            environment.put("BERTH_PENDING", pending);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ClusterException("the provisioner " + String.join(" ", command) + " did not finish within "
                        + timeout.toMinutes() + " minutes; it was stopped");
            }
            Output output = new Output(Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
            if (process.exitValue() != 0) {
                throw new ClusterException("the provisioner " + String.join(" ", command) + " failed (exit "
                        + process.exitValue() + "): " + lastLine(output.stderr()));
            }
            return output;
        } catch (IOException e) {
            throw new ClusterException("cannot run the provisioner " + String.join(" ", command) + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while the provisioner ran");
        } finally {
            delete(stdout);
            delete(stderr);
        }
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "no message" : lines.get(lines.size() - 1);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the system cleans it up
            }
        }
    }
}
