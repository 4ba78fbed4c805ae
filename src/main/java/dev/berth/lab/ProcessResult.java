package dev.berth.lab;

import java.util.List;

/**
 * The outcome of one local command: its exit code and captured output.
 *
 * @param timedOut true when the command was killed because it ran longer than allowed
 */
public record ProcessResult(List<String> argv, int exitCode, String stdout, String stderr, boolean timedOut) {

    /** The exit code used when the program could not be started at all (as a shell would report it). */
    public static final int NOT_FOUND = 127;

    public ProcessResult {
        argv = List.copyOf(argv);
    }

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /** Standard output without the trailing newline. */
    public String output() {
        return stdout.strip();
    }

    /** The most telling line of a failure: the last non-blank line of stderr, else of stdout. */
    public String reason() {
        if (timedOut) {
            return "timed out";
        }
        String reason = lastLine(stderr);
        if (reason.isEmpty()) {
            reason = lastLine(stdout);
        }
        return reason.isEmpty() ? "exit " + exitCode : reason;
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
