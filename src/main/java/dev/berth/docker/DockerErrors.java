package dev.berth.docker;

import java.util.List;
import java.util.Locale;

/**
 * What docker's standard error says when a command fails, in the one line worth keeping. {@code docker run} ends
 * its complaint with a usage hint ({@code See 'docker run --help'.}) below the real reason, and starts it with the
 * pull's progress; the hint tells a person nothing, the reason (a manifest not found, pull access denied, a
 * refused connection to the registry) everything.
 */
public final class DockerErrors {
    /** Words of docker's and the registry's answers to a pull that failed. */
    private static final List<String> PULL_FAILURES = List.of("manifest for ", "manifest unknown",
            "pull access denied", "repository does not exist", "failed to resolve reference", "not found: manifest",
            "toomanyrequests", "unauthorized: ", "no basic auth credentials", "error pulling image",
            "failed to pull", "/v2/", "no such host", "i/o timeout", "tls: ", "x509: ", "connection refused");

    private DockerErrors() {
    }

    /**
     * The line of {@code stderr} that says why the command failed: the last one that is neither a usage hint
     * nor docker's pull progress; empty when stderr says nothing.
     */
    public static String reason(String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (!hint(line) && !progress(line)) {
                return line;
            }
        }
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /**
     * Whether a failure's reason (as {@link #reason} keeps it) is docker failing to pull an image: a manifest or
     * repository the registry does not have, access it denies, or a registry it cannot reach.
     */
    public static boolean pullFailed(String reason) {
        String lower = reason.toLowerCase(Locale.ROOT);
        return PULL_FAILURES.stream().anyMatch(lower::contains);
    }

    private static boolean hint(String line) {
        return line.startsWith("See '") && line.endsWith("--help'.")
                || line.startsWith("Run '") && line.contains("--help' for more information");
    }

    private static boolean progress(String line) {
        return line.startsWith("Unable to find image ") || line.matches("[^ ]+: Pulling from .*")
                || line.matches("[0-9a-f]{12}: (Pulling fs layer|Waiting|Download complete|Pull complete|"
                + "Verifying Checksum|Already exists)");
    }
}
