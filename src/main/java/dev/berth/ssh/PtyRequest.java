package dev.berth.ssh;

/**
 * A pseudo-terminal asked of the server for a command, as {@code ssh -t} asks for one: its type ({@code TERM})
 * and size in characters.
 */
public record PtyRequest(String type, int columns, int rows) {

    public PtyRequest {
        if (type == null || type.isBlank()) {
            type = "xterm";
        }
        if (columns <= 0 || rows <= 0) {
            columns = 80;
            rows = 24;
        }
    }
}
