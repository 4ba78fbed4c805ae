package dev.berth.exec.probe;

import dev.berth.ssh.TcpConnection;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * A connection that answers with scripted chunks, then the peer's close; or, when {@code silent}, never answers
 * until closed. It keeps what was written to it.
 */
final class ScriptedConnection implements TcpConnection {
    private final Queue<byte[]> chunks = new ArrayDeque<>();
    private final boolean silent;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> closed = new CompletableFuture<>();
    private volatile boolean wasClosed;

    private ScriptedConnection(List<String> chunks, boolean silent) {
        chunks.forEach(chunk -> this.chunks.add(chunk.getBytes(StandardCharsets.ISO_8859_1)));
        this.silent = silent;
    }

    static ScriptedConnection answering(String... chunks) {
        return new ScriptedConnection(List.of(chunks), false);
    }

    static ScriptedConnection silent() {
        return new ScriptedConnection(List.of(), true);
    }

    @Override
    public synchronized CompletableFuture<Void> write(byte[] bytes) {
        written.writeBytes(bytes);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<byte[]> read() {
        if (wasClosed) {
            return CompletableFuture.completedFuture(new byte[0]);
        }
        byte[] next = chunks.poll();
        if (next != null) {
            return CompletableFuture.completedFuture(next);
        }
        return silent ? closed : CompletableFuture.completedFuture(new byte[0]);
    }

    @Override
    public void close() {
        wasClosed = true;
        closed.complete(new byte[0]);
    }

    boolean wasClosed() {
        return wasClosed;
    }

    synchronized String written() {
        return written.toString(StandardCharsets.UTF_8);
    }
}
