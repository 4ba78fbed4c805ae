package dev.berth.cli.get;

import dev.berth.cli.BaseCommand;
import dev.berth.cli.output.Listing;
import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.ClusterObserver;
import dev.berth.exec.NodeObservation;
import dev.berth.model.LabelSelector;
import dev.berth.model.ObservedPod;
import dev.berth.model.SelectorSyntax;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code berth get TYPE [NAME...]}: what runs on the cluster, read from every node in one round trip each. */
@Command(name = "get",
        description = {"List nodes or pods of the cluster.",
                "Every node is asked once, in parallel; an unreachable node is reported and the others still "
                        + "answer. Exit code 3 when any node could not be asked."})
public final class GetCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "TYPE", description = "nodes (no) or pods (po).")
    String type;

    @Parameters(index = "1..*", paramLabel = "NAME", description = "Only these objects.")
    List<String> names = new ArrayList<>();

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Namespace of pods (default: the context's, else default).")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "Pods of every namespace.")
    boolean allNamespaces;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
            description = "Label selector, e.g. app=web,tier!=db or 'env in (prod,staging)'.")
    String selector;

    @Override
    public Integer call() {
        ResourceType resource = ResourceType.parse(type);
        root().outputFormat();
        LabelSelector labels = selector == null ? null : SelectorSyntax.parse(selector);
        if (resource == ResourceType.NODES && (allNamespaces || namespace != null)) {
            throw new InvalidInputException("nodes belong to no namespace: drop -n/-A");
        }
        String wantedNamespace = namespace != null ? namespace
                : clusterFile().defaultNamespace().orElse("default");
        List<NodeObservation> observations;
        try (ClusterAccess access = connect()) {
            observations = new ClusterObserver(access).observe();
        }
        Listing listing = switch (resource) {
            case NODES -> nodes(observations, labels);
            case PODS -> pods(observations, labels, wantedNamespace);
        };
        print(names.size() == 1 ? listing.asSingle() : listing);
        return reportUnready(observations);
    }

    private Listing nodes(List<NodeObservation> observations, LabelSelector labels) {
        List<NodeSummary> nodes = observations.stream().map(NodeSummary::of)
                .filter(node -> names.isEmpty() || names.contains(node.name()))
                .filter(node -> labels == null || labels.matches(node.labels()))
                .toList();
        requireFound(nodes.stream().map(NodeSummary::name).toList(), "node");
        return NodesView.listing(nodes);
    }

    private Listing pods(List<NodeObservation> observations, LabelSelector labels, String wantedNamespace) {
        Map<String, String> addresses = new LinkedHashMap<>();
        List<ObservedPod> pods = new ArrayList<>();
        for (NodeObservation observation : observations) {
            addresses.put(observation.node().name(), observation.node().address());
            if (observation.snapshot() != null) {
                pods.addAll(ObservedPod.group(observation.node().name(), observation.snapshot().containers()));
            }
        }
        List<ObservedPod> shown = pods.stream()
                .filter(pod -> allNamespaces || pod.namespace().equals(wantedNamespace))
                .filter(pod -> names.isEmpty() || names.contains(pod.name()))
                .filter(pod -> labels == null || labels.matches(pod.labels()))
                .sorted(java.util.Comparator.comparing(ObservedPod::namespace).thenComparing(ObservedPod::name))
                .toList();
        requireFound(shown.stream().map(ObservedPod::name).toList(), "pod");
        String where = allNamespaces ? "" : " in " + wantedNamespace + " namespace";
        return PodsView.listing(shown, addresses, allNamespaces, Instant.now())
                .withEmptyMessage("No resources found" + where + ".");
    }

    private void requireFound(List<String> found, String kind) {
        List<String> missing = names.stream().filter(name -> !found.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(kind + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + " not found");
        }
    }

    private int reportUnready(List<NodeObservation> observations) {
        List<NodeObservation> unready = observations.stream().filter(o -> !o.ready()).toList();
        unready.forEach(o -> err().println("warning: " + o.status().display() + ": " + o.reason()));
        err().flush();
        return unready.isEmpty() ? ExitCode.OK.code() : ExitCode.NOT_CONVERGED.code();
    }
}
