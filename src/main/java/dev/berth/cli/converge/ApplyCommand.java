package dev.berth.cli.converge;

import dev.berth.error.InvalidInputException;
import dev.berth.exec.Convergence;
import dev.berth.model.LabelSelector;
import dev.berth.model.Resource;
import dev.berth.model.SelectorSyntax;
import dev.berth.state.StateRecord;
import dev.berth.state.StoredDeployments;
import dev.berth.state.StoredManifests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** {@code berth apply -f PATH...}: store the objects as desired state on the cluster and converge to it. */
@Command(name = "apply",
        description = {"Make the cluster run what the manifests declare.",
                "The objects are checked before any server is touched, stored on the cluster's state nodes "
                        + "(under a lock), and the cluster is converged: missing replicas are placed and started, "
                        + "surplus and outdated ones removed. Running apply again with the same files changes "
                        + "nothing. A Deployment paused with rollout pause stays paused until rollout resume. "
                        + "Objects that name no namespace go to -n, else the context's namespace, else default. "
                        + "Exit code 3 when the cluster did not reach the desired state."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Apply every manifest of a directory",
                "  berth apply -f app/",
                "",
                "  # Apply into the namespace shop the objects that name none",
                "  berth apply -n shop -f web.yaml",
                "",
                "  # Apply the app=web objects; delete the stored app=web ones the files lack",
                "  berth apply -f app/ -l app=web --prune",
                "",
                "  # Show what would change, without changing anything",
                "  berth apply -f app/ --dry-run"})
public final class ApplyCommand extends ConvergingCommand {

    @Mixin
    ManifestOptions manifests;

    @Mixin
    ConvergeOptions converge;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
            description = "Apply only the objects of the files with these labels (and prune only those with --prune).")
    String selector;

    @Option(names = "--prune", description = "Also delete the stored objects that -l or --all selects in the "
            + "namespaces of the applied objects, when the files no longer hold them.")
    boolean prune;

    @Option(names = "--all", description = "With --prune: every stored object of those namespaces is a candidate.")
    boolean all;

    @Option(names = "--yes", description = "With --prune: delete, without asking, PersistentVolumeClaims whose "
            + "reclaim policy Delete removes their data; needed when no terminal can ask.")
    boolean yes;

    private List<String> applied = List.of();
    private ClaimRelease release = new ClaimRelease(List.of());
    private boolean told;

    @Override
    public Integer call() {
        if (!manifests.given()) {
            throw new InvalidInputException("apply needs -f PATH (a file, a directory or - for standard input)");
        }
        LabelSelector labels = selector == null ? null : SelectorSyntax.parse(selector);
        Pruning pruning = Pruning.asked(prune, all, labels);
        List<Resource> objects = manifests.load(environment(), manifestNamespace(), err()).stream()
                .filter(object -> labels == null || labels.matches(object.metadata().labels())).toList();
        if (objects.isEmpty()) {
            throw new InvalidInputException("no objects passed to apply" + (labels == null ? ""
                    : ": none of the files' objects has the labels " + selector));
        }
        Map<String, String> encoded = StoredManifests.encode(objects);
        applied = List.copyOf(encoded.keySet());
        Pruning scoped = pruning.within(objects);
        UnaryOperator<StateRecord> change = record -> merge(record, encoded, scoped);
        boolean dryRun = converge.options().dryRun();
        release = pruning.any() ? claimsReleased("apply", change, yes, dryRun) : release;
        int exit = converge("apply", guarded(change, release),
                converge.options().within(StoredObjects.deployments(objects)), false);
        removeVolumes(release, dryRun);
        return exit;
    }

    /**
     * The record with {@code objects} stored and the stored objects {@code pruning} selects, but the files no
     * longer hold, deleted; a Deployment paused by {@code rollout pause} stays paused.
     */
    static StateRecord merge(StateRecord record, Map<String, String> objects, Pruning pruning) {
        Map<String, String> next = pruning == Pruning.EVERYTHING ? new TreeMap<>() : new TreeMap<>(record.applied());
        if (pruning.any()) {
            StoredManifests.decode(record).resources().stream()
                    .filter(stored -> !objects.containsKey(stored.identity()) && pruning.selects(stored))
                    .forEach(stored -> next.remove(stored.identity()));
        }
        next.putAll(objects);
        return StoredDeployments.withPausesOf(record, record.withApplied(next));
    }

    /**
     * kubectl's lines: each applied object {@code created}, {@code configured} or {@code unchanged}, in the order
     * of the files, then each pruned one. Told once, however often the run converges.
     */
    @Override
    protected List<String> changes(Convergence.Outcome outcome) {
        if (told) {
            return PlanReport.objectChanges(outcome.before(), outcome.after());
        }
        told = true;
        List<String> lines = new ArrayList<>();
        for (String identity : applied) {
            String old = outcome.before().applied().get(identity);
            String now = outcome.after().applied().get(identity);
            lines.add(PlanReport.display(identity) + " "
                    + (old == null ? "created" : old.equals(now) ? "unchanged" : "configured"));
        }
        outcome.before().applied().keySet().stream()
                .filter(identity -> !outcome.after().applied().containsKey(identity))
                .forEach(identity -> lines.add(release.line(identity, PlanReport.display(identity) + " pruned")));
        return lines;
    }
}
