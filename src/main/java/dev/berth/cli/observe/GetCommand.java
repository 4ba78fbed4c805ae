package dev.berth.cli.observe;

import dev.berth.cli.BaseCommand;
import dev.berth.cli.output.Listing;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.ClusterObserver;
import dev.berth.exec.NodeObservation;
import dev.berth.model.LabelSelector;
import dev.berth.model.ObservedPod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ScopeOptions scope;

    @Override
    public Integer call() {
        ResourceType resource = ResourceType.parse(type);
        root().outputFormat();
        LabelSelector labels = scope.labels();
        if (resource == ResourceType.NODES && scope.namespaced()) {
            throw new InvalidInputException("nodes belong to no namespace: drop -n/-A");
        }
        PodFilter pods = scope.pods(clusterFile().defaultNamespace().orElse("default"), names);
        List<NodeObservation> observations;
        try (ClusterAccess access = connect()) {
            observations = new ClusterObserver(access).observe();
        }
        Listing listing = switch (resource) {
            case NODES -> nodes(observations, labels);
            case PODS -> pods(observations, pods);
        };
        print(names.size() == 1 ? listing.asSingle() : listing);
        return NodeReports.warnUnready(observations, err());
    }

    private Listing nodes(List<NodeObservation> observations, LabelSelector labels) {
        List<NodeSummary> nodes = observations.stream().map(NodeSummary::of)
                .filter(node -> names.isEmpty() || names.contains(node.name()))
                .filter(node -> labels == null || labels.matches(node.labels()))
                .toList();
        NodeReports.requireFound(names, nodes.stream().map(NodeSummary::name).toList(), "node");
        return NodesView.listing(nodes);
    }

    private Listing pods(List<NodeObservation> observations, PodFilter filter) {
        Map<String, String> addresses = new LinkedHashMap<>();
        observations.forEach(o -> addresses.put(o.node().name(), o.node().address()));
        List<ObservedPod> shown = NodeReports.pods(observations, filter);
        NodeReports.requireFound(names, shown.stream().map(ObservedPod::name).toList(), "pod");
        return PodsView.listing(shown, addresses, filter.allNamespaces(), Instant.now())
                .withEmptyMessage("No resources found" + filter.where() + ".");
    }
}
