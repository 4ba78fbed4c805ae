package dev.berth.cli.converge;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A small HTTP/1.1 client over one keep-alive connection, for load through the edge: GET with a Host header,
 * responses read by Content-Length or chunked encoding. As HTTP clients do for idempotent requests, a request is
 * sent again once, on a new connection, only when a reused connection was closed before any byte of the
 * response arrived (the server closed it while idle); every other failure is the caller's to count.
 */
final class KeepAliveClient implements AutoCloseable {
    private final String address;
    private final int port;
    private Socket socket;
    private int requestsOnConnection;
    private int retries;

    KeepAliveClient(String address, int port) {
        this.address = address;
        this.port = port;
    }

    /** The status and body of one answer. */
    record Response(int status, String body) {
    }

    /** How many requests were sent again after an idle connection closed under them. */
    int retries() {
        return retries;
    }

    Response get(String host, String path) throws IOException {
        boolean reused = socket != null && requestsOnConnection > 0;
        try {
            return exchange(host, path);
        } catch (ClosedBeforeAnswer closed) {
            close();
            if (!reused) {
                throw closed;
            }
            retries++;
            return exchange(host, path);
        }
    }

    private Response exchange(String host, String path) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.connect(new InetSocketAddress(address, port), 5_000);
            socket.setSoTimeout(10_000);
            requestsOnConnection = 0;
        }
        OutputStream out = socket.getOutputStream();
        try {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: berth-it\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new ClosedBeforeAnswer(e.getMessage());
        }
        InputStream in = socket.getInputStream();
        String statusLine = line(in, true);
        requestsOnConnection++;
        String[] status = statusLine.split(" ");
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in, false); !header.isEmpty(); header = line(in, false)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(line(in, false).split(";")[0].strip(), 16); size > 0;
                 size = Long.parseLong(line(in, false).split(";")[0].strip(), 16)) {
                copy(in, body, size);
                line(in, false);
            }
            for (String trailer = line(in, false); !trailer.isEmpty(); trailer = line(in, false)) {
                // trailers are not used
            }
        } else if (length >= 0) {
            copy(in, body, length);
        } else {
            in.transferTo(body);
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(Integer.parseInt(status[1]), body.toString(StandardCharsets.UTF_8));
    }

    /** One header line; when {@code first} and the stream ends before any byte, {@link ClosedBeforeAnswer}. */
    private static String line(InputStream in, boolean first) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c;
            try {
                c = in.read();
            } catch (java.net.SocketException e) {
                if (first && line.length() == 0) {
                    throw new ClosedBeforeAnswer(e.getMessage());
                }
                throw e;
            }
            if (c < 0) {
                if (first && line.length() == 0) {
                    throw new ClosedBeforeAnswer("the connection closed before the answer");
                }
                throw new EOFException("the connection closed in the middle of an answer");
            }
            if (c == '\n') {
                int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                return line.substring(0, end);
            }
            line.append((char) c);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream body, long size) throws IOException {
        byte[] buffer = in.readNBytes((int) size);
        if (buffer.length < size) {
            throw new EOFException("the connection closed in the middle of a body");
        }
        body.writeBytes(buffer);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
            socket = null;
        }
    }

    /** The connection ended before any byte of an answer: the one failure a reused connection may retry. */
    static final class ClosedBeforeAnswer extends IOException {
        ClosedBeforeAnswer(String message) {
            super(message);
        }
    }
}
