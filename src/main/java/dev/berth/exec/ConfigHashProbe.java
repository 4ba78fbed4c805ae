package dev.berth.exec;

import dev.berth.proxy.ConfigHash;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.TcpConnection;
import dev.berth.ssh.Transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Asks a running nginx of berth's which configuration it serves: {@code GET} {@value ConfigHash#PATH} on its hash
 * listener, through the node's session, and the body of the answer.
 */
final class ConfigHashProbe {
    private static final byte[] REQUEST = ("GET " + ConfigHash.PATH + " HTTP/1.0\r\nHost: berth\r\n"
            + "User-Agent: berth\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private ConfigHashProbe() {
    }

    /** The hash the listener at {@code host:port} (as the node reaches it) answers; fails when none answers. */
    static CompletableFuture<String> ask(Transport transport, SshTarget node, String host, int port) {
        return transport.connect(node, host, port).thenCompose(connection -> connection.write(REQUEST)
                .thenCompose(written -> readAll(connection, new ByteArrayOutputStream()))
                .whenComplete((answer, error) -> connection.close()))
                .thenApply(ConfigHashProbe::body);
    }

    private static CompletableFuture<byte[]> readAll(TcpConnection connection, ByteArrayOutputStream answer) {
        return connection.read().thenCompose(chunk -> {
            if (chunk.length == 0 || answer.size() > 16_384) {
                return CompletableFuture.completedFuture(answer.toByteArray());
            }
            answer.writeBytes(chunk);
            return readAll(connection, answer);
        });
    }

    /** The body of a 200 answer, without surrounding white space; empty for any other answer. */
    static String body(byte[] answer) {
        String text = new String(answer, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0 || !text.substring(0, text.indexOf("\r\n")).contains(" 200")) {
            return "";
        }
        return text.substring(end + 4).strip();
    }
}
