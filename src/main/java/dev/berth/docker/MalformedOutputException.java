package dev.berth.docker;

/** A Docker engine answered with output berth cannot read. */
public class MalformedOutputException extends RuntimeException {
    public MalformedOutputException(String what, String output, Throwable cause) {
        super("cannot read " + what + " from docker: " + abbreviate(output)
                + (cause == null || cause.getMessage() == null ? "" : " (" + firstLine(cause.getMessage()) + ")"),
                cause);
    }

    private static String abbreviate(String output) {
        String flat = output == null ? "" : output.strip().replace('\n', ' ');
        return flat.length() <= 80 ? "\"" + flat + "\"" : "\"" + flat.substring(0, 77) + "...\"";
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
