package dev.berth.shell;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place where an argument list becomes a POSIX {@code sh} command line.
 * Every word is put in single quotes; an embedded single quote becomes {@code '\''}.
 * Inside single quotes sh interprets nothing, so no value can run as shell code.
 * It sits apart from both of its users: the SSH transport (every remote command) and the docker argv
 * builders (a health check command, which Docker always runs through {@code /bin/sh -c}).
 */
public final class ShellQuote {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,@%+-]+");

    private ShellQuote() {
    }

    /** One word, quoted so that {@code sh} reads it back byte for byte. */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * One word as a person would type it: bare when sh reads it back unchanged ({@code -f}, {@code web.yaml},
     * {@code app=web}), else {@link #quote quoted}. For showing commands to people, not for running them.
     */
    public static String quoteIfNeeded(String word) {
        return PLAIN.matcher(word).matches() ? word : quote(word);
    }

    /** The command line that makes a remote {@code sh} run {@code argv} exactly. */
    public static String commandLine(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a remote command needs at least one word");
        }
        for (String word : argv) {
            if (word.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a command word cannot contain a NUL byte");
            }
        }
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
