package dev.berth.bench.fleet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Every docker command that changed a node's engine (run, stop, rm, restart, pull, network create...), one line
 * each ({@code node-0001 docker run ...}), appended to DIR/mutations.log as it is received: the benchmark
 * counts the lines a run added. Read-only commands are not written.
 */
final class MutationLog implements AutoCloseable {
    private final BufferedWriter out;

    MutationLog(Path file) {
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A log that keeps nothing, for tests. */
    static MutationLog discarding() {
        return new MutationLog();
    }

    private MutationLog() {
        out = null;
    }

    synchronized void record(SimulatedNode node, List<String> dockerArgs) {
        if (out == null) {
            return;
        }
        try {
            out.write(node.name() + " docker " + String.join(" ", dockerArgs.subList(0, Math.min(3, dockerArgs.size()))));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
