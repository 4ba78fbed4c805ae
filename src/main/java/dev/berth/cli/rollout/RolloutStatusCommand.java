package dev.berth.cli.rollout;

import dev.berth.error.ClusterException;
import dev.berth.error.ExitCode;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.ClusterPicture;
import dev.berth.exec.Convergence;
import dev.berth.plan.Scope;
import dev.berth.plan.RolloutProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Set;

/**
 * {@code berth rollout status deployment/NAME}: with no agent on the servers, waiting for a rollout is driving
 * it. The run converges the cluster without changing the desired state, so that a rollout left half-way (its
 * command killed, or out of time) goes on to its end, wave by wave, with the progress on stderr; then the
 * Deployment's state is told on stdout. {@code --watch=false} only looks.
 */
@Command(name = "status",
        description = {"Carry a Deployment's rollout to its end and say when it is done.",
                "A rollout left unfinished (its command was killed, or ran out of time) is driven on, wave by "
                        + "wave, with progress lines on stderr, as apply would drive it; a failed rollout is "
                        + "rolled back and reported with exit code 3. Then stdout says: deployment \"NAME\" "
                        + "successfully rolled out. A paused Deployment, or a rollout still unfinished at "
                        + "--timeout, is exit code 3. With --watch=false nothing is locked or done: the "
                        + "rollout's state is printed once."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Wait for the rollout of deployment web, at most 10 minutes",
                "  berth rollout status deployment/web --timeout 10m",
                "",
                "  # Only look",
                "  berth rollout status deployment/web --watch=false"})
final class RolloutStatusCommand extends RolloutVerb {

    @Option(names = {"-w", "--watch"}, arity = "0..1", defaultValue = "true", fallbackValue = "true",
            paramLabel = "BOOL", description = "Drive the rollout and wait for its end (default: ${DEFAULT-VALUE}); "
                    + "--watch=false prints its state once.")
    boolean watch;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "0s",
            description = "How long to wait; 0s waits as long as the rollout's progressDeadlineSeconds allows "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "0s",
            description = "How long to wait for another run's lock before failing (default: ${DEFAULT-VALUE}).")
    Duration lockWait;

    @Option(names = "--no-auto-rollback", negatable = false,
            description = "When the rollout fails, pause it instead of rolling back to the previous revision.")
    boolean noAutoRollback;

    @Override
    public Integer call() {
        String deployment = deployment();
        RolloutProgress progress;
        if (!watch) {
            ClusterPicture picture;
            try (ClusterAccess access = connect()) {
                picture = picture(access, "berth rollout status");
            }
            if (!picture.recordRead()) {
                throw new ClusterException(picture.recordProblem());
            }
            requireStored(picture.record().orElseThrow());
            progress = picture.plan().rollouts().get(deployment);
        } else {
            Convergence.Outcome outcome = converged("rollout status", stored -> {
                requireStored(stored);
                return stored;
            }, new Convergence.Options(false, lockWait, false, timeout, !noAutoRollback,
                    Scope.of(Set.of(deployment))), true);
            progress = outcome.plan().rollouts().get(deployment);
        }
        if (progress == null) {
            throw new ClusterException("the desired state stored on the cluster has no rollout of " + objectName());
        }
        if (progress.paused() && !progress.complete()) {
            throw new ClusterException(StatusLine.paused(name(), progress));
        }
        if (watch && !progress.complete()) {
            throw new ClusterException("timed out: " + StatusLine.of(name(), progress));
        }
        out().println(StatusLine.of(name(), progress));
        out().flush();
        return ExitCode.OK.code();
    }
}
