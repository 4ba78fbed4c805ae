package dev.berth.ssh;

import java.util.List;

/**
 * The remote command that writes standard input to a file atomically: into a temporary file beside the
 * destination, created under umask 077, given its mode, then renamed over the destination. The path and mode
 * reach the script as positional parameters, never as script text.
 */
final class UploadCommand {
    static final String SCRIPT = "umask 077 && tmp=\"$1.berth-tmp.$$\" && "
            + "if cat > \"$tmp\" && chmod \"$2\" \"$tmp\" && mv -f \"$tmp\" \"$1\"; then exit 0; fi; "
            + "rm -f \"$tmp\"; exit 1";

    private UploadCommand() {
    }

    static List<String> argv(String remotePath, int mode) {
        if (!remotePath.startsWith("/")) {
            throw new IllegalArgumentException("an upload destination must be an absolute path, got '" + remotePath + "'");
        }
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("file mode must be between 0000 and 7777, got " + Integer.toOctalString(mode));
        }
        return List.of("sh", "-c", SCRIPT, "berth-upload", remotePath, String.format("%04o", mode));
    }
}
