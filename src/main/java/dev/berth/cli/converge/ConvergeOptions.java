package dev.berth.cli.converge;

import dev.berth.exec.Convergence;
import dev.berth.plan.Scope;
import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code --dry-run}, {@code --wait}, {@code --timeout} and {@code --lock-wait}, shared by every mutating verb. */
public final class ConvergeOptions {

    @Option(names = "--dry-run", description = "Show what would be done; lock, store and change nothing.")
    boolean dryRun;

    @Option(names = "--wait", description = "Wait until every replica runs the current template and is ready.")
    boolean waitReady;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long the run waits for rollouts and, with --wait, for readiness; the rollout goes on "
                    + "at the next run (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "0s",
            description = "How long to wait for another run's lock before failing (default: ${DEFAULT-VALUE}).")
    Duration lockWait;

    @Option(names = "--no-auto-rollback", negatable = false,
            description = "When a rollout fails, pause it instead of rolling back to the previous revision.")
    boolean noAutoRollback;

    public Convergence.Options options() {
        return new Convergence.Options(dryRun, lockWait, waitReady, timeout, !noAutoRollback, Scope.CLUSTER);
    }
}
