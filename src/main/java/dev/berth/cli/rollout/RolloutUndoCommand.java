package dev.berth.cli.rollout;

import dev.berth.cli.converge.ConvergeOptions;
import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.state.StateRecord;
import dev.berth.state.StoredDeployments;
import dev.berth.state.StoredRevision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.berth.plan.Scope;

import java.util.List;
import java.util.Set;

/**
 * {@code berth rollout undo deployment/NAME [--to-revision N]}: the stored Deployment gets an earlier revision's
 * template back and the cluster rolls to it like to any other change, in waves, gated on readiness, rolled back
 * again if the old revision fails too.
 */
@Command(name = "undo",
        description = {"Roll a Deployment back to its previous revision, or to the one --to-revision names.",
                "The revision's pod template becomes the stored Deployment's, and the cluster is converged to it "
                        + "as apply would: in waves by maxSurge and maxUnavailable, gated on readiness, with "
                        + "automatic rollback if it fails. The revision rolled back to gets the next number, as "
                        + "on Kubernetes. Until the next apply of the Deployment's files, diff -f shows the "
                        + "difference. A Deployment paused with rollout pause must be resumed first; one that a "
                        + "failed rollout paused (--no-auto-rollback) is resumed by the undo."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Back to the revision before the current one",
                "  berth rollout undo deployment/web",
                "",
                "  # Back to revision 3, and show what would be done first",
                "  berth rollout undo deployment/web --to-revision=3 --dry-run",
                "  berth rollout undo deployment/web --to-revision=3"})
final class RolloutUndoCommand extends RolloutVerb {

    @Option(names = "--to-revision", paramLabel = "N",
            description = "The revision to roll back to (default: the one before the current one).")
    long toRevision;

    @Mixin
    ConvergeOptions converge;

    private StoredRevision target;
    @Override
    public Integer call() {
        if (toRevision < 0) {
            throw new InvalidInputException("revision must be a positive integer: " + toRevision);
        }
        String deployment = deployment();
        StateRecord record = storedRecord("rollout undo");
        requireStored(record);
        target = target(record, deployment);
        refusePaused(record, deployment);
        List<StoredRevision> history = record.revisions(deployment);
        if (history.get(history.size() - 1).number() == target.number()) {
            out().println(objectName() + " skipped rollback (current template already matches revision "
                    + target.number() + ")");
            out().flush();
            return ExitCode.OK.code();
        }
        return converge("rollout undo", stored -> {
            requireStored(stored);
            refusePaused(stored, deployment);
            return StoredDeployments.withPaused(StoredDeployments.withTemplate(stored, deployment, target),
                    deployment, false);
        }, converge.options().within(Scope.of(Set.of(deployment()))), false);
    }

    /**
     * A pause made with {@code rollout pause} holds, as kubectl holds it; a failed rollout's pause is what undo
     * is for, and the undo ends it.
     */
    private void refusePaused(StateRecord record, String deployment) {
        if (StoredDeployments.pausedByRollout(record, deployment)) {
            throw new InvalidInputException("you cannot rollback a paused deployment; resume it first with "
                    + "'berth rollout resume deployment/" + name() + "' and try again");
        }
    }

    private StoredRevision target(StateRecord record, String deployment) {
        List<StoredRevision> history = record.revisions(deployment);
        if (toRevision > 0) {
            return StoredDeployments.revision(record, deployment, toRevision).orElseThrow(() ->
                    new InvalidInputException("unable to find specified revision " + toRevision + " in history"
                            + (history.isEmpty() ? "" : " (" + objectName() + " keeps "
                            + RevisionListing.kept(history) + ")")));
        }
        return StoredDeployments.previous(record, deployment).orElseThrow(() ->
                new InvalidInputException("no rollout history found for deployment \"" + name() + "\""));
    }

    /** The command line, with the revision it went back to when it named none. */
    @Override
    protected String changeCause() {
        return super.changeCause() + (toRevision == 0 ? " --to-revision=" + target.number() : "");
    }

    @Override
    String done() {
        return "rolled back";
    }
}
