package dev.berth.exec.move;

import dev.berth.archive.TarCopy;
import dev.berth.archive.TarEntry;
import dev.berth.error.ClusterException;
import dev.berth.ssh.OutputSink;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.StreamOptions;
import dev.berth.ssh.StreamedCommand;
import dev.berth.ssh.Transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * One pass over a volume's tree: a command on one node writes it as a tar, berth reads and digests it, and passes
 * what a filter admits to a command on another node that extracts it. The bytes go through berth's two SSH
 * sessions, so the nodes need not reach or trust each other.
 */
final class VolumeStream {
    private static final int SEND_CHUNK = 64 * 1024;

    private final Transport transport;

    VolumeStream(Transport transport) {
        this.transport = transport;
    }

    /** A pass that only reads and digests. */
    TarCopy.Summary read(SshTarget from, List<String> reading, LongConsumer progress) {
        return pass(from, reading, null, List.of(), entry -> false, progress);
    }

    /** A pass from {@code reading} on {@code from} to {@code writing} on {@code to}, of the members {@code pass} admits. */
    TarCopy.Summary pass(SshTarget from, List<String> reading, SshTarget to, List<String> writing,
                         Predicate<TarEntry> pass, LongConsumer progress) {
        ChunkPipe pipe = new ChunkPipe();
        StreamedCommand source = started(from, reading, pipe, StreamOptions.outputOnly());
        source.exit().whenComplete((status, error) -> pipe.end());
        Collected written = new Collected();
        StreamedCommand target = null;
        try {
            target = to == null ? null : started(to, writing, written, StreamOptions.withInput());
            TarCopy.Summary summary;
            try (Sending out = target == null ? null : new Sending(target, to.name())) {
                summary = TarCopy.copy(pipe, out, pass, progress);
            }
            pipe.transferTo(OutputStream.nullOutputStream());
            int read = exit(source, from.name());
            if (read != 0) {
                throw new ClusterException(from.name() + ": reading the volume failed (exit " + read + "): "
                        + pipe.errors());
            }
            if (target != null) {
                target.endInput();
                int wrote = exit(target, to.name());
                if (wrote != 0) {
                    throw new ClusterException(to.name() + ": writing the volume failed (exit " + wrote + "): "
                            + written.text());
                }
            }
            return summary;
        } catch (IOException e) {
            String errors = pipe.errors();
            throw new ClusterException("copying the volume failed: " + e.getMessage()
                    + (errors.isEmpty() ? "" : " (" + from.name() + ": " + errors + ")")
                    + (written.text().isEmpty() ? "" : " (" + to.name() + ": " + written.text() + ")"));
        } finally {
            pipe.discard();
            source.cancel();
            if (target != null && !target.exit().isDone()) {
                target.cancel();
            }
        }
    }

    private StreamedCommand started(SshTarget node, List<String> argv, OutputSink sink, StreamOptions options) {
        try {
            return transport.stream(node, argv, sink, options).join();
        } catch (CompletionException e) {
            throw new ClusterException(node.name() + ": cannot start copying the volume: "
                    + e.getCause().getMessage());
        }
    }

    private static int exit(StreamedCommand command, String node) {
        try {
            return command.exit().join();
        } catch (CompletionException e) {
            throw new ClusterException(node + ": the copy's session broke: " + e.getCause().getMessage());
        }
    }

    /** The receiving command's standard input, sent in chunks as the channel takes them. */
    private static final class Sending extends OutputStream {
        private final StreamedCommand target;
        private final String node;
        private final byte[] buffer = new byte[SEND_CHUNK];
        private int filled;

        Sending(StreamedCommand target, String node) {
            this.target = target;
            this.node = node;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int count = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, count);
                filled += count;
                offset += count;
                length -= count;
                if (filled == buffer.length) {
                    flush();
                }
            }
        }

        @Override
        public void flush() throws IOException {
            if (filled == 0) {
                return;
            }
            if (target.exit().isDone()) {
                throw new IOException(node + " stopped taking the copy");
            }
            byte[] chunk = new byte[filled];
            System.arraycopy(buffer, 0, chunk, 0, filled);
            filled = 0;
            target.send(chunk);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** What the receiving command says. */
    private static final class Collected implements OutputSink {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void stdout(byte[] chunk) {
            keep(chunk);
        }

        @Override
        public synchronized void stderr(byte[] chunk) {
            keep(chunk);
        }

        private void keep(byte[] chunk) {
            if (bytes.size() < 64 * 1024) {
                bytes.write(chunk, 0, chunk.length);
            }
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8).strip().replace('\n', ' ');
        }
    }
}
