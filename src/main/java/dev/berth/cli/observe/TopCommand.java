package dev.berth.cli.observe;

import dev.berth.cli.output.Listing;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.ClusterObserver;
import dev.berth.exec.NodeObservation;
import dev.berth.model.ObservedPod;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code berth top nodes|pods}: live CPU and memory, from {@code docker stats} on every node. */
@Command(name = "top",
        description = {"Show live CPU and memory use of nodes or pods.",
                "Node figures add up every running container on the node; pod figures add up a replica's "
                        + "containers. Exit code 3 when any node could not be asked."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # CPU and memory use of every node",
                "  berth top nodes",
                "",
                "  # Of the pods labelled app=web in the namespace shop",
                "  berth top pods -n shop -l app=web",
                "",
                "  # Of every pod in every namespace",
                "  berth top pods -A"})
public final class TopCommand extends ObservingCommand {


    @Override
    public Integer call() {
        ResourceType resource = resource(ResourceType.NODES, ResourceType.PODS);
        PodFilter filter = filter();
        List<NodeObservation> observations;
        try (ClusterAccess access = connect()) {
            observations = new ClusterObserver(access).observeWithUsage();
        }
        Listing listing;
        if (resource == ResourceType.NODES) {
            listing = UsageListing.nodes(observations, names);
        } else {
            List<ObservedPod> pods = NodeReports.pods(observations, filter);
            NodeReports.requireFound(names, pods.stream().map(ObservedPod::name).toList(), "pod");
            listing = UsageListing.pods(observations, pods, filter.allNamespaces())
                    .withEmptyMessage("No resources found" + filter.where() + ".");
        }
        print(listing);
        return NodeReports.warnUnready(observations, err());
    }
}
