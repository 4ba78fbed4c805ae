package dev.berth.cli.rollout;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.OutputFormat;
import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.DesiredStates;
import dev.berth.model.Deployment;
import dev.berth.plan.DesiredState;
import dev.berth.state.StateRecord;
import dev.berth.state.StoredDeployments;
import dev.berth.state.StoredRevision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code berth rollout history deployment/NAME [--revision N]}: the revisions the cluster keeps, as kubectl. */
@Command(name = "history",
        description = {"View the revisions of a Deployment that the cluster keeps, with their change causes.",
                "Revisions are numbered per Deployment and kept on the cluster's state nodes (up to "
                        + "spec.revisionHistoryLimit besides the current one), so every operator sees the same "
                        + "history. A revision's change cause is the Deployment's kubernetes.io/change-cause "
                        + "annotation, else the berth command that made it. With --revision, the pod template of "
                        + "that revision; with -o json or yaml, the revisions as ReplicaSet objects."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # The revisions of deployment web, oldest first",
                "  berth rollout history deployment/web",
                "",
                "  # The pod template of revision 3",
                "  berth rollout history deployment/web --revision=3",
                "",
                "  # Every kept revision as data",
                "  berth rollout history deploy/web -n shop -o yaml"})
final class RolloutHistoryCommand extends RolloutVerb {

    @Option(names = "--revision", paramLabel = "N", description = "Show the pod template of revision N.")
    long revision;

    @Override
    public Integer call() {
        if (revision < 0) {
            throw new InvalidInputException("revision must be a positive integer: " + revision);
        }
        String deployment = deployment();
        OutputFormat format = global().outputFormat();
        StateRecord record = storedRecord("rollout history");
        requireStored(record);
        List<StoredRevision> history = record.revisions(deployment);
        List<StoredRevision> shown = history;
        if (revision > 0 && !history.isEmpty()) {
            shown = List.of(StoredDeployments.revision(record, deployment, revision).orElseThrow(() ->
                    new InvalidInputException("unable to find the specified revision " + revision + " ("
                            + objectName() + " keeps " + RevisionListing.kept(history) + ")")));
        }
        if (format == OutputFormat.JSON || format == OutputFormat.YAML || format == OutputFormat.NAME) {
            Listing listing = RevisionListing.objects(namespace(), name(), shown, r -> template(record, r));
            print(revision > 0 ? listing.asSingle() : listing.withEmptyMessage("No rollout history found."));
        } else if (revision > 0 && !shown.isEmpty()) {
            out().print(RevisionListing.revision(objectName(), shown.get(0), template(record, shown.get(0))));
        } else {
            out().print(RevisionListing.table(objectName(), history));
        }
        out().flush();
        return ExitCode.OK.code();
    }

    /** The revision's template as the manifest reader reads it back, the same way a rollback puts it in place. */
    private Deployment.PodTemplate template(StateRecord record, StoredRevision kept) {
        StateRecord restored = StoredDeployments.withTemplate(record, deployment(), kept);
        return DesiredStates.objects(restored).stream()
                .filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> DesiredState.key(d).equals(deployment()))
                .findFirst().orElseThrow().spec().template();
    }
}
