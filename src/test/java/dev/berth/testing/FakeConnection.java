package dev.berth.testing;

import dev.berth.docker.FakeApp;
import dev.berth.ssh.TcpConnection;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A TCP connection to a fake container: it reads the request line of what berth writes and answers with the
 * status the container's app gives that path, one HTTP/1.1 response without a body, then the end of the stream.
 */
final class FakeConnection implements TcpConnection {
    private final Function<String, Integer> statusOfPath;
    private byte[] answer;
    private boolean open = true;

    /** @param statusOfPath the status {@code GET path} gets, or {@link FakeApp#REFUSED} once nothing listens */
    FakeConnection(Function<String, Integer> statusOfPath) {
        this.statusOfPath = statusOfPath;
    }

    @Override
    public synchronized CompletableFuture<Void> write(byte[] bytes) {
        if (!open) {
            return CompletableFuture.failedFuture(new IllegalStateException("the connection is closed"));
        }
        String request = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] requestLine = request.substring(0, Math.max(0, request.indexOf("\r\n"))).split(" ");
        int status = requestLine.length == 3 && requestLine[0].equals("GET") ? statusOfPath.apply(requestLine[1]) : 400;
        answer = (status == FakeApp.REFUSED ? "" : "HTTP/1.1 " + status + " " + reason(status)
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<byte[]> read() {
        byte[] chunk = answer == null || !open ? new byte[0] : answer;
        answer = new byte[0];
        return CompletableFuture.completedFuture(chunk);
    }

    @Override
    public synchronized void close() {
        open = false;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
