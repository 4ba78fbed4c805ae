package dev.berth.exec.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the head of an HTTP response as it arrives, only as far as needed: the status line decides, as
 * Kubernetes decides (200-399 pass). Interim {@code 1xx} responses are skipped. At most {@link #LIMIT} bytes are
 * looked at; the body is never read.
 */
final class ResponseHead {
    /** How far berth reads for a status line before it gives up on the answer. */
    static final int LIMIT = 16 * 1024;
    private static final Pattern STATUS = Pattern.compile("HTTP/\\d(?:\\.\\d)? ([0-9]{3})(?: .*)?");

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int seen;
    /** Inside the headers of an interim response, whose end (an empty line) is awaited. */
    private boolean interim;

    /** Takes the next bytes; returns the result once the answer decides, or null when more is needed. */
    ProbeResult feed(byte[] bytes) {
        for (byte b : bytes) {
            if (++seen > LIMIT) {
                return ProbeResult.fail("HTTP probe failed: no status line in the first " + LIMIT + " bytes");
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            line.reset();
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            ProbeResult result = onLine(text);
            if (result != null) {
                return result;
            }
        }
        return null;
    }

    /** The server closed the connection: whatever came was not enough. */
    ProbeResult end() {
        if (seen == 0) {
            return ProbeResult.fail("HTTP probe failed: the server closed the connection without answering");
        }
        if (!interim && line.size() > 0) {
            ProbeResult partial = onLine(line.toString(StandardCharsets.ISO_8859_1));
            if (partial != null) {
                return partial;
            }
        }
        return ProbeResult.fail("HTTP probe failed: the server closed the connection in the middle of its answer");
    }

    private ProbeResult onLine(String text) {
        if (interim) {
            interim = !text.isEmpty();
            return null;
        }
        Matcher status = STATUS.matcher(text);
        if (!status.matches()) {
            return ProbeResult.fail("HTTP probe failed: not an HTTP answer: \"" + shown(text) + "\"");
        }
        int code = Integer.parseInt(status.group(1));
        if (code >= 100 && code < 200 && code != 101) {
            interim = true;
            return null;
        }
        if (code >= 200 && code < 400) {
            return ProbeResult.pass("HTTP probe succeeded with statuscode: " + code);
        }
        return ProbeResult.fail("HTTP probe failed with statuscode: " + code);
    }

    private static String shown(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 57) + "...";
    }
}
