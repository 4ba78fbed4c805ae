package dev.berth.cli.converge;

import dev.berth.error.ClusterException;
import dev.berth.error.ExitCode;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.Convergence;
import dev.berth.exec.PlanExecutor;
import dev.berth.exec.StepResult;
import dev.berth.plan.Scope;
import dev.berth.error.InvalidInputException;
import dev.berth.model.PersistentVolumeClaim;
import dev.berth.model.Resource;
import dev.berth.state.StateRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * {@code berth delete -f PATH | TYPE NAME...}: remove objects from the stored desired state and converge.
 * A PersistentVolumeClaim's data stays on its node (reclaim policy Retain) unless its reclaim policy is Delete.
 */
@Command(name = "delete",
        description = {"Remove objects from the desired state and converge: their replicas are stopped and removed.",
                "Deleting a PersistentVolumeClaim keeps its data (reclaim policy Retain, the default): the Docker "
                        + "volume stays on its node. With the annotation berth.dev/reclaim-policy: Delete the volume "
                        + "is removed once its replicas are gone, after a confirmation on a terminal (--yes "
                        + "elsewhere). A claim a Deployment still mounts is not deleted (exit 2): delete the "
                        + "Deployment first, or in the same command."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Delete deployment web and its service in the namespace shop",
                "  berth delete deployment/web service/web -n shop",
                "",
                "  # Delete the objects a manifest declares",
                "  berth delete -f web.yaml",
                "",
                "  # Show which replicas would stop, without changing anything",
                "  berth delete deploy web api --dry-run",
                "",
                "  # Delete a claim whose reclaim policy is Delete, and its data, from a script",
                "  berth delete pvc scratch --yes",
                "",
                "  # Succeed even when the config map is already gone",
                "  berth delete cm web-config --ignore-not-found"})
public final class DeleteCommand extends ConvergingCommand {
    private static final Set<String> POD_TYPES = Set.of("pod", "pods", "po");

    @Mixin
    ManifestOptions manifests;

    @Parameters(paramLabel = "TYPE NAME", description = "A type (deployment, service, ingress, pvc, configmap, "
            + "secret, or pod: its replica is removed from its node and its Deployment replaces it) and names, or "
            + "TYPE/NAME words.")
    List<String> words = new ArrayList<>();

    @Option(names = "--ignore-not-found", description = "Succeed when an object is not stored.")
    boolean ignoreNotFound;

    @Option(names = "--yes", description = "Delete, without asking, a PersistentVolumeClaim whose reclaim policy "
            + "Delete removes its data; needed when no terminal can ask.")
    boolean yes;

    private static final ClaimRelease NO_CLAIMS = new ClaimRelease(List.of());
    private ClaimRelease release = NO_CLAIMS;

    @Mixin
    ConvergeOptions converge;

    @Override
    public Integer call() {
        List<String> pods = podNames();
        if (!pods.isEmpty()) {
            return deletePods(pods);
        }
        List<String> identities = manifests.given() ? fromFiles() : fromWords();
        UnaryOperator<StateRecord> change = record -> delete(record, identities);
        boolean claims = identities.stream().anyMatch(identity -> identity.startsWith(PersistentVolumeClaim.KIND + "/"));
        boolean dryRun = converge.options().dryRun();
        release = claims ? claimsReleased("delete", change, yes, dryRun) : NO_CLAIMS;
        int exit = converge("delete", guarded(change, release), converge.options().within(Scope.of(Set.of())), false);
        removeVolumes(release, dryRun);
        return exit;
    }

    /** kubectl's lines, and for a deleted claim where its volume stays or that it goes. */
    @Override
    protected List<String> changes(Convergence.Outcome outcome) {
        List<String> lines = new ArrayList<>();
        Set<String> keys = new TreeSet<>(outcome.before().applied().keySet());
        for (String line : super.changes(outcome)) {
            String identity = keys.stream().filter(key -> line.equals(PlanReport.display(key) + " deleted"))
                    .findFirst().orElse(null);
            lines.add(identity == null ? line : release.line(identity, line));
        }
        return lines;
    }

    /** The names of {@code delete pod NAME...} or {@code delete pod/NAME...}; empty for other types. */
    private List<String> podNames() {
        if (manifests.given() || words.isEmpty()) {
            return List.of();
        }
        if (words.get(0).contains("/")) {
            boolean pods = words.stream().allMatch(word -> POD_TYPES.contains(word.split("/", 2)[0]));
            return pods ? words.stream().map(word -> word.split("/", 2)[1]).toList() : List.of();
        }
        if (!POD_TYPES.contains(words.get(0))) {
            return List.of();
        }
        if (words.size() < 2) {
            throw new InvalidInputException("name the pod to delete: delete " + words.get(0) + " NAME");
        }
        return words.subList(1, words.size());
    }

    /** Removes the replicas from their nodes, then converges their Deployments: they are replaced at once. */
    private int deletePods(List<String> pods) {
        PodDeletion deletion;
        try (ClusterAccess access = connect()) {
            deletion = PodDeletion.of(picture(access, "berth delete"), namespace(), pods, ignoreNotFound);
            if (converge.options().dryRun()) {
                deletion.pods().forEach(pod -> out().println("pod \"" + pod + "\" deleted (dry run)"));
                return ExitCode.OK.code();
            }
            List<StepResult> steps = new PlanExecutor(access, step -> { }).execute(deletion.actions());
            steps.stream().filter(StepResult::failed).findFirst().ifPresent(step -> {
                throw new ClusterException("cannot delete " + step.action() + ": " + step.message());
            });
        }
        deletion.pods().forEach(pod -> out().println("pod \"" + pod + "\" deleted"));
        out().flush();
        if (deletion.deployments().isEmpty()) {
            return ExitCode.OK.code();
        }
        return converge("delete", record -> record, converge.options().within(Scope.of(deletion.deployments())),
                true);
    }

    private StateRecord delete(StateRecord record, List<String> identities) {
        if (!ignoreNotFound) {
            identities.forEach(identity -> StoredObjects.requireStored(record, identity));
        }
        return StoredObjects.without(record, identities);
    }

    private List<String> fromFiles() {
        if (!words.isEmpty()) {
            throw new InvalidInputException("give either -f PATH or TYPE NAME, not both");
        }
        return manifests.load(environment(), manifestNamespace(), err()).stream().map(Resource::identity).toList();
    }

    private List<String> fromWords() {
        if (words.isEmpty()) {
            throw new InvalidInputException("delete needs -f PATH or TYPE NAME...");
        }
        String ns = namespace();
        List<String> identities = new ArrayList<>();
        if (words.get(0).contains("/")) {
            for (String word : words) {
                String[] typeAndName = word.split("/", 2);
                identities.add(StoredObjects.identity(StoredObjects.StoredKind.parse(typeAndName[0]), ns,
                        typeAndName[1]));
            }
        } else {
            StoredObjects.StoredKind kind = StoredObjects.StoredKind.parse(words.get(0));
            if (words.size() < 2) {
                throw new InvalidInputException("name the " + kind.kind + " to delete: delete " + words.get(0) + " NAME");
            }
            words.subList(1, words.size()).forEach(name -> identities.add(StoredObjects.identity(kind, ns, name)));
        }
        return identities;
    }
}
