package dev.berth.cli.rollout;

import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.Convergence;
import dev.berth.state.StoredDeployments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * {@code berth rollout pause deployment/NAME}: the stored Deployment is marked paused, under the lock, and
 * nothing else is done. While it is paused, its replicas stay as they are; a changed template is stored but not
 * rolled out until {@code rollout resume}.
 */
@Command(name = "pause",
        description = {"Pause a Deployment's rollouts: changes to its template wait for rollout resume.",
                "The stored Deployment gets spec.paused (and the annotation berth.dev/paused-by) and no replica "
                        + "is touched. While it is paused, apply stores new templates and keeps the pause, but no "
                        + "replica is replaced; a replica that dies is still replaced. rollout resume carries the "
                        + "waiting changes out."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Hold deployment web, change it twice, then roll both changes out at once",
                "  berth rollout pause deployment/web",
                "  berth apply -f web.yaml",
                "  berth apply -f web-config.yaml",
                "  berth rollout resume deployment/web"})
final class RolloutPauseCommand extends RolloutVerb {

    @Option(names = "--dry-run", description = "Show what would be done; lock, store and change nothing.")
    boolean dryRun;

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "0s",
            description = "How long to wait for another run's lock before failing (default: ${DEFAULT-VALUE}).")
    Duration lockWait;

    @Override
    public Integer call() {
        String deployment = deployment();
        update("rollout pause", stored -> {
            requireStored(stored);
            if (StoredDeployments.paused(stored, deployment)) {
                throw new InvalidInputException(resourceName() + " is already paused");
            }
            return StoredDeployments.withRolloutPause(stored, deployment);
        }, new Convergence.Options(dryRun, lockWait, false, null));
        out().println(objectName() + " paused" + (dryRun ? " (dry run)" : ""));
        out().flush();
        return ExitCode.OK.code();
    }
}
