package dev.berth.cli.observe;

import dev.berth.error.ClusterException;
import dev.berth.error.ExitCode;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.ClusterObserver;
import dev.berth.exec.ClusterPicture;
import dev.berth.exec.NodeObservation;
import dev.berth.exec.probe.ProbeRunner;
import dev.berth.model.EngineFacts;
import dev.berth.model.Ingress;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import dev.berth.model.PublishedPort;
import dev.berth.proxy.EdgeRenderer;
import dev.berth.proxy.EdgeSettings;
import dev.berth.proxy.ServiceEndpoints;
import dev.berth.state.ClusterEvent;
import picocli.CommandLine.Command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code berth describe node|pod [NAME...]}: everything berth knows of a node or a replica, for people. */
@Command(name = "describe",
        description = {"Show details of nodes, deployments, pods, services, ingresses or persistentvolumeclaims: status "
                + "and why, engine, capacity and requests, containers, revision, why replicas are Pending, a Service's "
                + "endpoints and their readiness, the nginx server blocks that serve an Ingress, a claim's node, "
                + "Docker volume, size on disk, users and reclaim policy; for nodes, deployments and pods also the "
                + "events berth's runs recorded of them, and for a deployment its pod template and conditions.",
                "Exit code 3 when any node, or the stored desired state, could not be read."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Why replicas of deployment web are Pending, and which revision runs",
                "  berth describe deployment web",
                "",
                "  # One node: engine, capacity and requests, and what runs there",
                "  berth describe node node-1",
                "",
                "  # The pods labelled app=web in the namespace shop",
                "  berth describe pods -n shop -l app=web"})
public final class DescribeCommand extends ObservingCommand {


    @Override
    public Integer call() {
        ResourceType resource = resource(ResourceType.NODES, ResourceType.DEPLOYMENTS, ResourceType.PODS,
                ResourceType.SERVICES, ResourceType.INGRESSES, ResourceType.PERSISTENTVOLUMECLAIMS);
        PodFilter filter = filter();
        Instant now = environment().clock().instant();
        List<String> pages = new ArrayList<>();
        int exit;
        if (resource == ResourceType.NODES) {
            List<NodeObservation> observations;
            List<ClusterEvent> events;
            try (ClusterAccess access = connect()) {
                observations = new ProbeRunner(access, Clock.systemUTC()).probe(new ClusterObserver(access).observe());
                events = eventsBeside(access, "berth describe");
            }
            List<NodeObservation> shown = observations.stream()
                    .filter(o -> names.isEmpty() || names.contains(o.node().name())).toList();
            NodeReports.requireFound(names, shown.stream().map(o -> o.node().name()).toList(), "node");
            shown.forEach(o -> pages.add(node(o, about(events, "Node", "", o.node().name()), now)));
            exit = NodeReports.warnUnready(observations, err());
        } else if (resource == ResourceType.PERSISTENTVOLUMECLAIMS) {
            exit = claims(filter, pages);
        } else {
            ClusterPicture picture;
            List<ClusterEvent> events = List.of();
            try (ClusterAccess access = connect()) {
                picture = picture(access, "berth describe");
                if (resource == ResourceType.PODS || resource == ResourceType.DEPLOYMENTS) {
                    events = eventsBeside(access, "berth describe");
                }
            }
            if (resource != ResourceType.PODS && !picture.recordRead()) {
                NodeReports.warnUnready(picture.observed(), err());
                throw new ClusterException("cannot describe " + resource.plural() + ": " + picture.recordProblem());
            }
            if (resource == ResourceType.SERVICES || resource == ResourceType.INGRESSES) {
                routed(resource, RoutedObjects.of(picture), filter, now, pages);
            } else if (resource == ResourceType.DEPLOYMENTS) {
                List<DeploymentStatus> shown = DeploymentStatus.of(picture).stream()
                        .filter(d -> filter.matches(d.namespace(), d.name(), d.deployment().metadata().labels()))
                        .toList();
                NodeReports.requireFound(names, shown.stream().map(DeploymentStatus::name).toList(), "deployment");
                List<ClusterEvent> all = events;
                shown.forEach(d -> pages.add(DeploymentPage.render(d, about(all, "Deployment", d.namespace(),
                        d.name()), now)));
            } else {
                pods(picture, events, filter, now, pages);
            }
            int nodes = NodeReports.warnUnready(picture.observed(), err());
            exit = NodeReports.warnUnread(picture, err()) == 0 ? nodes : ExitCode.NOT_CONVERGED.code();
        }
        out().print(String.join("\n\n", pages.stream().map(String::stripTrailing).toList()));
        out().println();
        out().flush();
        return exit;
    }

    /** The claims' pages, with the size of each volume measured on its node. */
    private int claims(PodFilter filter, List<String> pages) {
        try (ClusterAccess access = connect()) {
            ClusterPicture picture = picture(access, "berth describe");
            if (!picture.recordRead()) {
                NodeReports.warnUnready(picture.observed(), err());
                throw new ClusterException("cannot describe persistentvolumeclaims: " + picture.recordProblem());
            }
            List<ClaimStatus> shown = ClaimStatus.of(picture.desired().claims().stream()
                    .filter(c -> filter.matches(c.metadata().namespace(), c.metadata().name(), c.metadata().labels()))
                    .toList(), picture);
            NodeReports.requireFound(names, shown.stream().map(c -> c.claim().metadata().name()).toList(),
                    "persistentvolumeclaim");
            Map<String, Map<String, String>> sizes = ClaimPage.sizes(access, picture, shown);
            List<ClusterEvent> events = eventsBeside(access, "berth describe");
            Instant now = environment().clock().instant();
            shown.forEach(claim -> pages.add(ClaimPage.render(claim, sizes.get(claim.volume()), about(events,
                    "PersistentVolumeClaim", claim.claim().metadata().namespace(), claim.claim().metadata().name()),
                    now)));
            int nodes = NodeReports.warnUnready(picture.observed(), err());
            return NodeReports.warnUnread(picture, err()) == 0 ? nodes : ExitCode.NOT_CONVERGED.code();
        }
    }

    private void pods(ClusterPicture picture, List<ClusterEvent> events, PodFilter filter, Instant now,
                      List<String> pages) {
        List<ObservedPod> pods = NodeReports.pods(picture.observed(), filter);
        List<PendingPod> pending = GetCommand.notRunning(picture, events).stream()
                .filter(pod -> filter.matches(pod.namespace(), pod.name(), pod.labels())).toList();
        List<String> found = new ArrayList<>(pods.stream().map(ObservedPod::name).toList());
        pending.forEach(pod -> found.add(pod.name()));
        NodeReports.requireFound(names, found, "pod");
        Map<String, String> addresses = picture.observed().stream()
                .collect(Collectors.toMap(o -> o.node().name(), o -> o.node().address()));
        pods.forEach(pod -> pages.add(pod(pod, addresses.get(pod.node()),
                about(events, "Pod", pod.namespace(), pod.name()), now)));
        pending.forEach(pod -> pages.add(DeploymentPage.pending(pod, about(events, "Pod", pod.namespace(),
                pod.name()), now)));
    }

    /** The events of one object. */
    static List<ClusterEvent> about(List<ClusterEvent> events, String kind, String namespace, String name) {
        return events.stream().filter(event -> event.about(kind, namespace, name)).toList();
    }

    private void routed(ResourceType resource, RoutedObjects routed, PodFilter filter, Instant now,
                        List<String> pages) {
        if (resource == ResourceType.SERVICES) {
            List<ServiceEndpoints> shown = routed.endpoints().services().stream().filter(s -> filter.matches(
                    s.namespace(), s.name(), s.service().metadata().labels())).toList();
            NodeReports.requireFound(names, shown.stream().map(ServiceEndpoints::name).toList(), "service");
            shown.forEach(s -> pages.add(ServicePage.render(s, routed.createdAt(s.service()), now)));
            return;
        }
        List<Ingress> shown = routed.ingresses().stream().filter(i -> filter.matches(RoutedObjects.namespace(i),
                i.metadata().name(), i.metadata().labels())).toList();
        NodeReports.requireFound(names, shown.stream().map(i -> i.metadata().name()).toList(), "ingress");
        EdgeRenderer edge = new EdgeRenderer(EdgeSettings.of(cluster().spec().edge()));
        shown.forEach(i -> pages.add(IngressPage.render(i, routed, edge)));
    }

    static String node(NodeObservation observation, List<ClusterEvent> events, Instant now) {
        NodeSummary summary = NodeSummary.of(observation);
        EngineFacts engine = summary.engine();
        Description description = new Description()
                .field("Name", summary.name())
                .field("Roles", summary.rolesText())
                .field("Labels", summary.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .sorted().collect(Collectors.joining(", ")))
                .field("Address", summary.address())
                .field("Status", summary.status());
        if (summary.reason() != null) {
            description.field("Reason", summary.reason());
        }
        if (engine != null) {
            description.field("Engine", "Docker " + engine.engineVersion())
                    .field("OS", engine.operatingSystem() + ", kernel " + engine.kernelVersion() + ", "
                            + engine.architecture())
                    .field("Capacity", "cpu " + Humanize.cpu(summary.capacity().cpuMillis()) + ", memory "
                            + Humanize.memory(summary.capacity().memoryBytes()))
                    .field("Requested", "cpu " + summary.cpuText() + ", memory " + summary.memoryText());
        }
        List<String> pods = new ArrayList<>();
        if (observation.snapshot() != null) {
            for (ObservedPod pod : ObservedPod.group(summary.name(), observation.snapshot().containers())) {
                pods.add(pod.namespace() + "/" + pod.name() + "  " + pod.readyContainers() + "/"
                        + pod.containers().size() + "  " + pod.status() + "  " + age(pod.createdAt(), now));
            }
        }
        return description.block("Pods (" + pods.size() + ")", pods).events(EventTable.lines(events, now)).render();
    }

    static String pod(ObservedPod pod, String nodeAddress, List<ClusterEvent> events, Instant now) {
        Description description = new Description()
                .field("Name", pod.name())
                .field("Namespace", pod.namespace())
                .field("Deployment", pod.deployment())
                .field("Node", pod.node() + " (" + nodeAddress + ")")
                .field("Status", pod.status())
                .field("Ready", pod.readyContainers() + "/" + pod.containers().size())
                .field("Age", age(pod.createdAt(), now))
                .field("Labels", pod.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .sorted().collect(Collectors.joining(", ")));
        List<String> containers = new ArrayList<>();
        for (ObservedContainer container : pod.containers()) {
            containers.add(container.name() + " (" + container.id().substring(0, Math.min(12, container.id().length()))
                    + ")");
            containers.add("  Image:     " + container.image());
            containers.add("  State:     " + container.status() + (container.running() ? ""
                    : ", exit code " + container.exitCode() + (container.oomKilled() ? ", OOM killed" : "")));
            containers.add("  Health:    " + (container.health() == null ? "<no check>" : container.health()));
            if (container.healthDetail() != null) {
                containers.add("  Probe:     " + container.healthDetail());
            }
            containers.add("  Restarts:  " + container.restartCount());
            containers.add("  Ports:     " + (container.ports().isEmpty() ? "<none>" : container.ports().stream()
                    .map(PublishedPort::toString).collect(Collectors.joining(", "))));
        }
        return description.block("Containers", containers).events(EventTable.lines(events, now)).render();
    }

    private static String age(Instant since, Instant now) {
        return since == null ? "<unknown>" : Humanize.age(Duration.between(since, now));
    }
}
