package dev.berth.ssh;

import java.nio.charset.StandardCharsets;

/**
 * What a remote command left behind. {@code exitCode} is the remote exit status, or 128 + n when a signal
 * ended it, or -1 when the server reported neither.
 */
public record CommandResult(int exitCode, byte[] stdout, byte[] stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}
