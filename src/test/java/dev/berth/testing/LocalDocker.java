package dev.berth.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Docker engine of the machine running the tests, driven with the docker CLI. */
public final class LocalDocker {
    /** A 1 MB image made of busybox-static alone; built on first use, no registry needed. */
    public static final String TINY_IMAGE = "berth-test-busybox:1";

    private LocalDocker() {
    }

    public static boolean available() {
        try {
            run("docker", "info", "--format", "{{.ServerVersion}}");
            return Files.isExecutable(Path.of("/bin/busybox"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Builds {@link #TINY_IMAGE} from the host's busybox-static unless it exists. */
    public static void ensureTinyImage() throws IOException {
        try {
            run("docker", "image", "inspect", TINY_IMAGE);
            return;
        } catch (IOException missing) {
            // build it below
        }
        run("sh", "-c", "tar -C / -c bin/busybox | docker import --change 'CMD [\"/bin/busybox\",\"sleep\",\"3600\"]' - "
                + TINY_IMAGE);
    }

    /** Runs a command, returns its stdout; a non-zero exit is an IOException carrying stderr. */
    public static String run(String... argv) throws IOException {
        Process process = new ProcessBuilder(List.of(argv)).redirectErrorStream(false).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", argv) + ": timed out");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", argv) + ": exit " + process.exitValue() + ": "
                        + new String(err, StandardCharsets.UTF_8).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** {@code docker run --detach} with the given labels and the tiny image's sleep. */
    public static String runLabelled(String name, List<String> labels) throws IOException {
        List<String> argv = new ArrayList<>(List.of("docker", "run", "--detach", "--name", name));
        labels.forEach(label -> {
            argv.add("--label");
            argv.add(label);
        });
        argv.add(TINY_IMAGE);
        return run(argv.toArray(String[]::new)).strip();
    }
}
