package dev.berth.cli.observe;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.ListingShape;
import dev.berth.cli.output.OutputFormat;
import dev.berth.error.ClusterException;
import dev.berth.error.ExitCode;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.ClusterPicture;
import dev.berth.exec.NodeObservation;
import dev.berth.model.Ingress;
import dev.berth.model.LabelSelector;
import dev.berth.model.Namespace;
import dev.berth.model.ObservedPod;
import dev.berth.model.Resource;
import dev.berth.plan.DesiredState;
import dev.berth.proxy.ServiceEndpoints;
import dev.berth.state.ClusterEvent;
import dev.berth.state.StateRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code berth get TYPE [NAME...]}: what runs on the cluster, read from every node in one round trip each. */
@Command(name = "get",
        description = {"List nodes, pods, deployments, services, ingresses, endpoints, configmaps, secrets, namespaces, "
                + "persistentvolumeclaims or events of the cluster; TYPE may be TYPE1,TYPE2, all, or TYPE/NAME (several).",
                "Every node is asked once, in parallel; an unreachable node is reported and the others still "
                        + "answer. Pods and deployments also read the desired state stored on the cluster (without "
                        + "the lock) to show replicas that are Pending; services and ingresses are read from it, "
                        + "endpoints from it and the replicas found. Events are what berth's runs did and saw, "
                        + "read from the state nodes alone, oldest first. Exit code 3 when any node, or the stored "
                        + "desired state, could not be read."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # List the nodes: status, roles, Docker version, requests against capacity",
                "  berth get nodes",
                "",
                "  # List the pods of the namespace shop, with their addresses, ports and images",
                "  berth get pods -n shop -o wide",
                "",
                "  # The pods labelled app=web in every namespace",
                "  berth get pods -A -l app=web",
                "",
                "  # What runs did and saw in every namespace, newest last, as it comes",
                "  berth get events -A -w",
                "",
                "  # The backends behind each Service, ready or not",
                "  berth get endpoints -o wide",
                "",
                "  # Deployment web of the namespace shop as YAML, from the context prod",
                "  berth --context prod get deployment web -n shop -o yaml"})
public final class GetCommand extends ObservingCommand {

    @Mixin
    GetOptions options;

    @Override
    public Integer call() {
        List<GetRequest> requests = GetRequest.parse(type, names);
        global().outputFormat();
        LabelSelector labels = scope.labels();
        ListingShape shape = options.shape();
        if (options.watch()) {
            return new GetWatch(wanted -> observe(wanted, labels), this::print, environment().pause(),
                    options.interval()).run(requests, shape);
        }
        GetResult result = observe(requests, labels);
        print(result, requests, shape);
        return result.exitCode();
    }

    private void print(GetResult result, List<GetRequest> requests, ListingShape shape) {
        List<Listing> listings = result.listings().stream().map(shape::apply).toList();
        boolean table = global().outputFormat() == OutputFormat.TABLE || global().outputFormat() == OutputFormat.WIDE;
        if (!table || listings.size() == 1) {
            Listing merged = Listings.merged(listings);
            if (GetRequest.single(requests)) {
                print(merged.asSingle());
            } else {
                print(global().outputFormat() == OutputFormat.YAML ? Listings.asList(merged) : merged);
            }
            return;
        }
        boolean first = true;
        for (Listing listing : listings) {
            if (listing.items().isEmpty()) {
                continue;
            }
            if (!first) {
                out().println();
            }
            first = false;
            print(listing.withKindInNames());
        }
        if (first) {
            print(listings.get(0));
        }
    }

    /** One look at the cluster: a listing per request, and the exit code (3 when a node or the record was unread). */
    GetResult observe(List<GetRequest> requests, LabelSelector labels) {
        if (requests.stream().allMatch(r -> r.type() == ResourceType.EVENTS)) {
            List<ClusterEvent> events;
            try (ClusterAccess access = connect()) {
                events = clusterState(access, "berth get").readEvents().events();
            }
            return new GetResult(requests.stream().map(r -> events(events, r)).toList(), ExitCode.OK.code());
        }
        boolean nodesOnly = requests.stream().allMatch(r -> r.type() == ResourceType.NODES);
        ClusterPicture picture;
        List<ClusterEvent> events = List.of();
        try (ClusterAccess access = connect()) {
            picture = nodesOnly ? ClusterPicture.ofNodes(access, clusterState(access, "berth get"))
                    : picture(access, "berth get");
            boolean pods = requests.stream().anyMatch(r -> r.type() == ResourceType.PODS);
            if (requests.stream().anyMatch(r -> r.type() == ResourceType.EVENTS)) {
                events = clusterState(access, "berth get").readEvents().events();
            } else if (pods && PullFailures.possible(picture.plan())) {
                // only then: a cluster in its desired state lists its pods without reading the events
                events = eventsBeside(access, "berth get");
            }
        }
        if (!nodesOnly && !picture.recordRead() && requests.stream().anyMatch(r -> r.type() != ResourceType.PODS
                && r.type() != ResourceType.NODES && r.type() != ResourceType.EVENTS)) {
            NodeReports.warnUnready(picture.observed(), err());
            throw new ClusterException("cannot list " + requests.get(0).type().plural() + ": "
                    + picture.recordProblem());
        }
        List<Listing> listings = new ArrayList<>();
        for (GetRequest request : requests) {
            listings.add(listing(request, picture, labels, events));
        }
        int nodes = NodeReports.warnUnready(picture.observed(), err());
        int record = NodeReports.warnUnread(picture, err());
        return new GetResult(listings, record == ExitCode.OK.code() ? nodes : ExitCode.NOT_CONVERGED.code());
    }

    /** The listing of one type; a type another verb's objects add plugs in here. */
    private Listing listing(GetRequest request, ClusterPicture picture, LabelSelector labels,
                            List<ClusterEvent> events) {
        PodFilter filter = scope.pods(namespace(), request.names());
        return switch (request.type()) {
            case NODES -> nodes(picture, request.names(), labels);
            case PODS -> pods(picture, filter, events);
            case EVENTS -> events(events, request);
            case DEPLOYMENTS -> deployments(picture, filter);
            case CONFIGMAPS -> StoredListing.configMaps(stored(picture.desired().configMaps(), filter, "configmap"),
                    filter.allNamespaces()).withEmptyMessage(empty(filter));
            case SECRETS -> StoredListing.secrets(stored(picture.desired().secrets(), filter, "secret"),
                    filter.allNamespaces()).withEmptyMessage(empty(filter));
            case PERSISTENTVOLUMECLAIMS -> StoredListing.claims(stored(picture.desired().claims(), filter,
                    "persistentvolumeclaim"), picture, filter.allNamespaces()).withEmptyMessage(empty(filter));
            case NAMESPACES -> namespaces(picture, request.names());
            case SERVICES, INGRESSES, ENDPOINTS -> routed(request.type(), RoutedObjects.of(picture), filter);
        };
    }

    private Listing routed(ResourceType resource, RoutedObjects routed, PodFilter filter) {
        Instant now = environment().clock().instant();
        Listing listing;
        if (resource == ResourceType.INGRESSES) {
            List<Ingress> shown = routed.ingresses().stream().filter(i -> filter.matches(RoutedObjects.namespace(i),
                    i.metadata().name(), i.metadata().labels())).toList();
            NodeReports.requireFound(filter.names(), shown.stream().map(i -> i.metadata().name()).toList(), "ingress");
            listing = IngressListing.of(routed, shown, filter.allNamespaces());
        } else {
            List<ServiceEndpoints> shown = routed.endpoints().services().stream().filter(s -> filter.matches(
                    s.namespace(), s.name(), s.service().metadata().labels())).toList();
            NodeReports.requireFound(filter.names(), shown.stream().map(ServiceEndpoints::name).toList(),
                    resource == ResourceType.SERVICES ? "service" : "endpoints");
            listing = resource == ResourceType.SERVICES
                    ? ServiceListing.of(routed, shown.stream().map(ServiceEndpoints::service).toList(),
                            filter.allNamespaces(), now)
                    : EndpointsListing.of(routed, shown, filter.allNamespaces(), now);
        }
        return listing.withEmptyMessage("No resources found" + filter.where() + ".");
    }

    private static String empty(PodFilter filter) {
        return "No resources found" + filter.where() + ".";
    }

    private static <T extends Resource> List<T> stored(List<T> objects, PodFilter filter, String kind) {
        List<T> shown = objects.stream().filter(o -> filter.matches(o.metadata().namespace(), o.metadata().name(),
                o.metadata().labels())).sorted(Comparator.comparing((T o) -> o.metadata().namespace())
                .thenComparing(o -> o.metadata().name())).toList();
        NodeReports.requireFound(filter.names(), shown.stream().map(o -> o.metadata().name()).toList(), kind);
        return shown;
    }

    private Listing namespaces(ClusterPicture picture, List<String> wanted) {
        TreeSet<String> namespaces = new TreeSet<>();
        picture.record().ifPresent(record -> record.applied().keySet().forEach(identity -> {
            String[] parts = identity.split("/", -1);
            if (parts.length == 3 && !parts[1].isEmpty()) {
                namespaces.add(parts[1]);
            } else if (parts.length == 3 && parts[0].equals(Namespace.KIND)) {
                namespaces.add(parts[2]);
            }
        }));
        NodeReports.pods(picture.observed(), new PodFilter("", true, null, List.of()))
                .forEach(pod -> namespaces.add(pod.namespace()));
        if (!wanted.isEmpty()) {
            NodeReports.requireFound(wanted, List.copyOf(namespaces), "namespace");
            namespaces.retainAll(wanted);
        }
        return StoredListing.namespaces(namespaces);
    }

    private Listing nodes(ClusterPicture picture, List<String> wanted, LabelSelector labels) {
        Set<String> cordoned = picture.record().map(StateRecord::cordoned).orElse(new TreeSet<>());
        List<NodeObservation> observations = picture.observed();
        List<NodeSummary> nodes = observations.stream().map(o -> NodeSummary.of(o, cordoned.contains(o.node().name())))
                .filter(node -> wanted.isEmpty() || wanted.contains(node.name()))
                .filter(node -> labels == null || labels.matches(node.labels()))
                .toList();
        NodeReports.requireFound(wanted, nodes.stream().map(NodeSummary::name).toList(), "node");
        return NodeListing.of(nodes);
    }

    /** The events of the namespace (or all with -A), oldest first; events carry no labels, so -l matches none. */
    private Listing events(List<ClusterEvent> events, GetRequest request) {
        PodFilter filter = scope.pods(namespace(), request.names());
        List<ClusterEvent> shown = events.stream()
                .filter(e -> filter.matches(e.listedIn(), EventListing.name(e), Map.of())).toList();
        NodeReports.requireFound(filter.names(), shown.stream().map(EventListing::name).toList(), "event");
        return EventListing.of(shown, filter.allNamespaces(), environment().clock().instant())
                .withEmptyMessage(empty(filter));
    }

    private Listing pods(ClusterPicture picture, PodFilter filter, List<ClusterEvent> events) {
        Map<String, String> addresses = new LinkedHashMap<>();
        picture.observed().forEach(o -> addresses.put(o.node().name(), o.node().address()));
        List<ObservedPod> shown = NodeReports.pods(picture.observed(), filter);
        List<PendingPod> pending = notRunning(picture, events).stream()
                .filter(pod -> filter.matches(pod.namespace(), pod.name(), pod.labels())).toList();
        List<String> found = new ArrayList<>(shown.stream().map(ObservedPod::name).toList());
        pending.forEach(pod -> found.add(pod.name()));
        NodeReports.requireFound(filter.names(), found, "pod");
        return PodListing.of(shown, pending, addresses, filter.allNamespaces(), environment().clock().instant())
                .withEmptyMessage(empty(filter));
    }

    private Listing deployments(ClusterPicture picture, PodFilter filter) {
        List<DeploymentStatus> shown = DeploymentStatus.of(picture).stream()
                .filter(d -> filter.matches(d.namespace(), d.name(), d.deployment().metadata().labels())).toList();
        NodeReports.requireFound(filter.names(), shown.stream().map(DeploymentStatus::name).toList(), "deployment");
        return DeploymentListing.of(shown, filter.allNamespaces(), environment().clock().instant())
                .withEmptyMessage(empty(filter));
    }

    /**
     * The replicas the picture wants that no node runs: the pending ones, then those whose start failed on a pull
     * (found in {@code events}; none when the events were not read).
     */
    static List<PendingPod> notRunning(ClusterPicture picture, List<ClusterEvent> events) {
        List<PendingPod> pods = new ArrayList<>(pendingPods(picture));
        if (!events.isEmpty()) {
            Map<String, Map<String, String>> labels = new LinkedHashMap<>();
            picture.desired().deployments().forEach(d -> labels.put(DesiredState.key(d),
                    d.spec().template().metadata().labels()));
            pods.addAll(PullFailures.of(picture.plan(), NodeReports.pods(picture.observed(),
                    new PodFilter("", true, null, List.of())), events, labels));
        }
        return List.copyOf(pods);
    }

    /** The pending replicas of the picture as pods, named after their Deployment's current spec hash. */
    static List<PendingPod> pendingPods(ClusterPicture picture) {
        Map<String, String> hashes = new LinkedHashMap<>();
        picture.plan().revisions().forEach((key, revision) -> hashes.put(key, revision.specHash()));
        return PendingPod.of(DeploymentStatus.of(picture), hashes);
    }
}
