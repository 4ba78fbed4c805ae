package dev.berth.cli.observe;

import dev.berth.cli.output.Listing;
import dev.berth.error.ClusterException;
import dev.berth.error.ExitCode;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.ClusterPicture;
import dev.berth.exec.NodeObservation;
import dev.berth.model.Ingress;
import dev.berth.model.LabelSelector;
import dev.berth.model.ObservedPod;
import dev.berth.proxy.ServiceEndpoints;
import dev.berth.state.StateRecord;
import picocli.CommandLine.Command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code berth get TYPE [NAME...]}: what runs on the cluster, read from every node in one round trip each. */
@Command(name = "get",
        description = {"List nodes, deployments, pods, services, ingresses or endpoints of the cluster.",
                "Every node is asked once, in parallel; an unreachable node is reported and the others still "
                        + "answer. Pods and deployments also read the desired state stored on the cluster (without "
                        + "the lock) to show replicas that are Pending; services and ingresses are read from it, "
                        + "endpoints from it and the replicas found. Exit code 3 when any node, or the stored "
                        + "desired state, could not be read."})
public final class GetCommand extends ObservingCommand {


    @Override
    public Integer call() {
        ResourceType resource = resource(ResourceType.NODES, ResourceType.DEPLOYMENTS, ResourceType.PODS,
                ResourceType.SERVICES, ResourceType.INGRESSES, ResourceType.ENDPOINTS);
        LabelSelector labels = scope.labels();
        PodFilter filter = filter();
        ClusterPicture picture;
        try (ClusterAccess access = connect()) {
            picture = picture(access, "berth get");
        }
        if (resource == ResourceType.NODES) {
            Set<String> cordoned = picture.record().map(StateRecord::cordoned).orElse(new TreeSet<>());
            print(single(nodes(picture.observed(), cordoned, labels)));
            int nodes = NodeReports.warnUnready(picture.observed(), err());
            return NodeReports.warnUnread(picture, err()) == ExitCode.OK.code() ? nodes : ExitCode.NOT_CONVERGED.code();
        }
        if (resource != ResourceType.PODS && !picture.recordRead()) {
            NodeReports.warnUnready(picture.observed(), err());
            throw new ClusterException("cannot list " + resource.plural() + ": " + picture.recordProblem());
        }
        Listing listing = switch (resource) {
            case PODS -> pods(picture, filter);
            case SERVICES, INGRESSES, ENDPOINTS -> routed(resource, RoutedObjects.of(picture), filter);
            default -> deployments(picture, filter);
        };
        print(single(listing));
        int nodes = NodeReports.warnUnready(picture.observed(), err());
        return NodeReports.warnUnread(picture, err()) == ExitCode.OK.code() ? nodes : ExitCode.NOT_CONVERGED.code();
    }

    private Listing single(Listing listing) {
        return names.size() == 1 ? listing.asSingle() : listing;
    }

    private Listing nodes(List<NodeObservation> observations, Set<String> cordoned, LabelSelector labels) {
        List<NodeSummary> nodes = observations.stream().map(o -> NodeSummary.of(o, cordoned.contains(o.node().name())))
                .filter(node -> names.isEmpty() || names.contains(node.name()))
                .filter(node -> labels == null || labels.matches(node.labels()))
                .toList();
        NodeReports.requireFound(names, nodes.stream().map(NodeSummary::name).toList(), "node");
        return NodeListing.of(nodes);
    }

    private Listing pods(ClusterPicture picture, PodFilter filter) {
        Map<String, String> addresses = new LinkedHashMap<>();
        picture.observed().forEach(o -> addresses.put(o.node().name(), o.node().address()));
        List<ObservedPod> shown = NodeReports.pods(picture.observed(), filter);
        List<PendingPod> pending = pendingPods(picture).stream()
                .filter(pod -> filter.matches(pod.namespace(), pod.name(), pod.labels())).toList();
        List<String> found = new ArrayList<>(shown.stream().map(ObservedPod::name).toList());
        pending.forEach(pod -> found.add(pod.name()));
        NodeReports.requireFound(names, found, "pod");
        return PodListing.of(shown, pending, addresses, filter.allNamespaces(), environment().clock().instant())
                .withEmptyMessage("No resources found" + filter.where() + ".");
    }

    private Listing deployments(ClusterPicture picture, PodFilter filter) {
        List<DeploymentStatus> shown = DeploymentStatus.of(picture).stream()
                .filter(d -> filter.matches(d.namespace(), d.name(), d.deployment().metadata().labels())).toList();
        NodeReports.requireFound(names, shown.stream().map(DeploymentStatus::name).toList(), "deployment");
        return DeploymentListing.of(shown, filter.allNamespaces(), environment().clock().instant())
                .withEmptyMessage("No resources found" + filter.where() + ".");
    }

    private Listing routed(ResourceType resource, RoutedObjects routed, PodFilter filter) {
        Instant now = environment().clock().instant();
        Listing listing;
        if (resource == ResourceType.INGRESSES) {
            List<Ingress> shown = routed.ingresses().stream().filter(i -> filter.matches(RoutedObjects.namespace(i),
                    i.metadata().name(), i.metadata().labels())).toList();
            NodeReports.requireFound(names, shown.stream().map(i -> i.metadata().name()).toList(), "ingress");
            listing = IngressListing.of(routed, shown, filter.allNamespaces());
        } else {
            List<ServiceEndpoints> shown = routed.endpoints().services().stream().filter(s -> filter.matches(
                    s.namespace(), s.name(), s.service().metadata().labels())).toList();
            NodeReports.requireFound(names, shown.stream().map(ServiceEndpoints::name).toList(),
                    resource == ResourceType.SERVICES ? "service" : "endpoints");
            listing = resource == ResourceType.SERVICES
                    ? ServiceListing.of(routed, shown.stream().map(ServiceEndpoints::service).toList(),
                            filter.allNamespaces(), now)
                    : EndpointsListing.of(routed, shown, filter.allNamespaces(), now);
        }
        return listing.withEmptyMessage("No resources found" + filter.where() + ".");
    }

    /** The pending replicas of the picture as pods, named after their Deployment's current spec hash. */
    static List<PendingPod> pendingPods(ClusterPicture picture) {
        Map<String, String> hashes = new LinkedHashMap<>();
        picture.plan().revisions().forEach((key, revision) -> hashes.put(key, revision.specHash()));
        return PendingPod.of(DeploymentStatus.of(picture), hashes);
    }
}
