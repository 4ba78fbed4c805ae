package dev.berth.exec.probe;

import dev.berth.model.Probe;
import dev.berth.ssh.TcpConnection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * An {@code httpGet} probe over a TCP connection: one HTTP/1.1 GET, read as far as its status line. Like
 * Kubernetes, berth sends {@code Host} (the container's address and port), {@code User-Agent} and
 * {@code Accept}, each replaced by a header of the same name from the probe's {@code httpHeaders}, which follow
 * in their order.
 */
final class HttpProbe {
    static final String USER_AGENT = "berth-probe";
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private HttpProbe() {
    }

    /** The request's bytes: the path percent-encoded where it must be, every header on one line. */
    static byte[] request(Probe.HttpGet get, String host, int port) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("Host", (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        defaults.put("User-Agent", USER_AGENT);
        defaults.put("Accept", "*/*");
        defaults.put("Connection", "close");
        List<Probe.HttpHeader> headers = new ArrayList<>();
        for (Probe.HttpHeader header : get.httpHeaders()) {
            if (TOKEN.matcher(header.name()).matches()) {
                headers.add(header);
                defaults.keySet().removeIf(name -> name.equalsIgnoreCase(header.name()));
            }
        }
        StringBuilder request = new StringBuilder("GET ").append(path(get.path())).append(" HTTP/1.1\r\n");
        defaults.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        headers.forEach(header -> request.append(header.name()).append(": ")
                .append(header.value().replaceAll("[\\r\\n]", " ")).append("\r\n"));
        return request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the request and reads the answer until its status decides; the caller closes the connection. */
    static CompletableFuture<ProbeResult> exchange(TcpConnection connection, byte[] request) {
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        connection.write(request).whenComplete((written, error) -> {
            if (error != null) {
                result.complete(ProbeResult.fail("HTTP probe failed: the connection closed before the request was sent"));
            } else {
                pump(connection, new ResponseHead(), result);
            }
        });
        return result;
    }

    /** Reads chunk after chunk; a loop, not a chain, while reads answer at once. */
    private static void pump(TcpConnection connection, ResponseHead head, CompletableFuture<ProbeResult> result) {
        while (!result.isDone()) {
            CompletableFuture<byte[]> read = connection.read();
            if (!read.isDone()) {
                read.whenComplete((chunk, error) -> {
                    if (!take(head, chunk, error, result)) {
                        pump(connection, head, result);
                    }
                });
                return;
            }
            read.handle((chunk, error) -> take(head, chunk, error, result)).join();
        }
    }

    /** Whether the result is decided after this chunk. */
    private static boolean take(ResponseHead head, byte[] chunk, Throwable error, CompletableFuture<ProbeResult> result) {
        ProbeResult decided = error != null || chunk.length == 0 ? head.end() : head.feed(chunk);
        return decided != null && result.complete(decided) || result.isDone();
    }

    /** The path as sent: bytes outside printable ASCII (never in a checked manifest) percent-encoded. */
    static String path(String path) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return encoded.length() == 0 || encoded.charAt(0) != '/' ? "/" + encoded : encoded.toString();
    }
}
