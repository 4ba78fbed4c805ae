package dev.berth.cli.converge;

import dev.berth.error.InvalidInputException;
import dev.berth.exec.Convergence;
import dev.berth.model.Durations;
import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code --dry-run}, {@code --wait}, {@code --timeout} and {@code --lock-wait}, shared by every mutating verb. */
public final class ConvergeOptions {

    @Option(names = "--dry-run", description = "Show what would be done; lock, store and change nothing.")
    boolean dryRun;

    @Option(names = "--wait", description = "Wait until every replica runs the current template and is ready.")
    boolean waitReady;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "0s",
            description = "How long to wait for another run's lock before failing (default: ${DEFAULT-VALUE}).")
    String lockWait;

    Convergence.Options options() {
        return new Convergence.Options(dryRun, duration("--lock-wait", lockWait), waitReady,
                duration("--timeout", timeout));
    }

    private static Duration duration(String option, String text) {
        if (text.equals("0") || text.equals("0s")) {
            return Duration.ZERO;
        }
        return Durations.parse(text).orElseThrow(() -> new InvalidInputException(
                option + ": not a duration: \"" + text + "\" (use e.g. 30s, 2m, 1h30m)"));
    }
}
