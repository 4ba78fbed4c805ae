package dev.berth.cli.attach;

import dev.berth.ssh.OutputSink;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The log lines of every followed container, written whole to one stdout and one stderr: a line is printed only
 * once its newline came, with its source's prefix, so lines of different containers interleave but never mix.
 * What a container wrote on stderr goes to stderr, as docker logs keeps it.
 */
final class LogLines {
    private final PrintWriter out;
    private final PrintWriter err;

    LogLines(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** A sink for one container's log, whose lines start with {@code prefix} (empty for none). */
    Source source(String prefix) {
        return new Source(prefix);
    }

    /** A line of berth's own about the streams (a replica joined or left), on stderr between whole lines. */
    synchronized void note(String line) {
        err.println(line);
        err.flush();
    }

    private synchronized void print(boolean toErr, String prefix, byte[] bytes, int from, int to) {
        PrintWriter writer = toErr ? err : out;
        writer.print(prefix);
        writer.println(new String(bytes, from, to - from, StandardCharsets.UTF_8));
        writer.flush();
    }

    /** One container's stream, cut into lines. */
    final class Source implements OutputSink {
        private final String prefix;
        private final ByteArrayOutputStream pendingOut = new ByteArrayOutputStream();
        private final ByteArrayOutputStream pendingErr = new ByteArrayOutputStream();

        private Source(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void stdout(byte[] chunk) {
            take(false, chunk);
        }

        @Override
        public void stderr(byte[] chunk) {
            take(true, chunk);
        }

        private synchronized void take(boolean toErr, byte[] chunk) {
            ByteArrayOutputStream pending = toErr ? pendingErr : pendingOut;
            pending.writeBytes(chunk);
            byte[] bytes = pending.toByteArray();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    print(toErr, prefix, bytes, start, i);
                    start = i + 1;
                }
            }
            pending.reset();
            pending.write(bytes, start, bytes.length - start);
        }

        /** The stream ended: a last line without its newline is printed as a line. */
        synchronized void end() {
            for (boolean toErr : new boolean[] {false, true}) {
                ByteArrayOutputStream pending = toErr ? pendingErr : pendingOut;
                if (pending.size() > 0) {
                    byte[] bytes = pending.toByteArray();
                    print(toErr, prefix, bytes, 0, bytes.length);
                    pending.reset();
                }
            }
        }
    }
}
