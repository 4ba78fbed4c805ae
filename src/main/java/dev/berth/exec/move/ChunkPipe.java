package dev.berth.exec.move;

import dev.berth.ssh.OutputSink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A remote command's standard output as an {@link InputStream} for one reading thread. The transport's thread
 * hands chunks in and waits while {@value #CHUNKS} are unread, so a slow reader slows the sending node through
 * its SSH window instead of filling memory. Standard error is kept for the error message.
 */
final class ChunkPipe extends InputStream implements OutputSink {
    private static final int CHUNKS = 256;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private byte[] current = new byte[0];
    private int at;
    private boolean ended;
    private volatile boolean discarding;

    @Override
    public void stdout(byte[] chunk) {
        if (chunk.length == 0 || discarding) {
            return;
        }
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stderr(byte[] chunk) {
        synchronized (errors) {
            if (errors.size() < 64 * 1024) {
                errors.write(chunk, 0, chunk.length);
            }
        }
    }

    /** Called once the command ended and all its output was handed in: the stream ends after what is queued. */
    void end() {
        try {
            chunks.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the command wrote on standard error, in one line. */
    String errors() {
        synchronized (errors) {
            return errors.toString(StandardCharsets.UTF_8).strip().replace('\n', ' ');
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (at == current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading a volume's copy");
            }
            at = 0;
            ended = current == END;
        }
        int count = Math.min(length, current.length - at);
        System.arraycopy(current, at, buffer, offset, count);
        at += count;
        return count;
    }

    /** Lets a sender blocked on a full pipe go, once the reader has given up. */
    void discard() {
        discarding = true;
        chunks.clear();
    }
}
