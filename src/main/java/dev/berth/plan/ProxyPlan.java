package dev.berth.plan;

import dev.berth.docker.ProxyCommands;
import dev.berth.docker.ProxyDirectory;
import dev.berth.model.BerthLabels;
import dev.berth.model.Cluster;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import dev.berth.model.Service;
import dev.berth.proxy.EdgeRenderer;
import dev.berth.proxy.EdgeSettings;
import dev.berth.proxy.Endpoints;
import dev.berth.proxy.NginxConfig;
import dev.berth.proxy.ServiceEndpoints;
import dev.berth.proxy.ServiceProxyNames;
import dev.berth.proxy.ServiceProxyRenderer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The steps that bring berth's nginx containers in line with the desired state and the replicas that run
 * (docs/adr/0010-services.md): on every edge node the edge, on every node one proxy per Service, each with the
 * configuration rendered from the ready replicas. Replicas the plan removes leave the upstreams before they
 * stop: a proxy first takes the replicas that became ready (the leaving ones still in), then drops the
 * leaving ones, each by its own checked and verified reload. A proxy whose Service is gone, or an edge on a
 * node that lost the role, is removed. Nothing is planned for a proxy whose verified hash is the one rendered.
 */
final class ProxyPlan {
    /** The edge's container name on every edge node. */
    static final String EDGE = "berth-edge";

    private final Cluster.Edge edge;

    ProxyPlan(Cluster.Edge edge) {
        this.edge = edge;
    }

    /** @param leaving the ids of the replicas' containers the plan removes */
    List<Action> actions(DesiredState desired, List<NodeView> nodes, Set<String> leaving) {
        Map<String, String> addresses = new LinkedHashMap<>();
        nodes.forEach(node -> addresses.put(node.name(), node.address()));
        List<ObservedPod> pods = nodes.stream().filter(NodeView::reachable)
                .flatMap(node -> Planner.replicas(node).stream()).toList();
        List<ObservedPod> staying = pods.stream().filter(pod -> pod.containers().stream()
                .noneMatch(c -> leaving.contains(c.id()))).toList();
        Endpoints before = Endpoints.of(desired.services(), pods, addresses);
        Endpoints after = Endpoints.of(desired.services(), staying, addresses);
        EdgeRenderer edgeRenderer = new EdgeRenderer(EdgeSettings.of(edge));
        ServiceProxyRenderer serviceRenderer = new ServiceProxyRenderer(ServiceProxyRenderer.DEBIAN_MODULES);
        List<Action> actions = new ArrayList<>();
        for (NodeView node : nodes.stream().filter(NodeView::reachable).toList()) {
            if (node.roles().contains(Cluster.Edge.ROLE)) {
                configure(actions, node, edgeContainer(node),
                        edgeRenderer.render(desired.ingresses(), before, desired.secrets()),
                        edgeRenderer.render(desired.ingresses(), after, desired.secrets()));
            } else {
                existing(node, EDGE).ifPresent(c -> actions.add(new Action.RemoveProxy(node.name(), EDGE,
                        ProxyDirectory.of(node.homeDirectory(), EDGE), "not an edge node")));
            }
            Set<String> wanted = new java.util.HashSet<>();
            for (Service service : desired.services()) {
                String namespace = DesiredState.namespace(service.metadata());
                String name = service.metadata().name();
                wanted.add(ServiceProxyNames.containerName(namespace, name));
                ServiceEndpoints first = before.find(namespace, name).orElseThrow();
                ServiceEndpoints last = after.find(namespace, name).orElseThrow();
                configure(actions, node, serviceContainer(node, service),
                        serviceRenderer.render(first, node.name()), serviceRenderer.render(last, node.name()));
            }
            node.containers().stream().filter(c -> BerthLabels.SERVICE_PROXY.equals(c.label(BerthLabels.PROXY)))
                    .filter(c -> !wanted.contains(c.name()))
                    .forEach(c -> actions.add(new Action.RemoveProxy(node.name(), c.name(),
                            ProxyDirectory.of(node.homeDirectory(), c.name()), "service deleted")));
        }
        return actions;
    }

    /** How a proxy container is started, and where its files are. */
    private record ProxyContainer(String name, String directory, String mountedAt, List<String> start,
                                  String network) {
    }

    private ProxyContainer edgeContainer(NodeView node) {
        String directory = ProxyDirectory.of(node.homeDirectory(), EDGE);
        List<String> start = ProxyCommands.runEdge(EDGE, edge.image(), directory, EdgeSettings.DIRECTORY,
                labels(BerthLabels.EDGE_PROXY, null, ProxyCommands.runEdge(EDGE, edge.image(), directory,
                        EdgeSettings.DIRECTORY, Map.of())));
        return new ProxyContainer(EDGE, directory, EdgeSettings.DIRECTORY, start, null);
    }

    private ProxyContainer serviceContainer(NodeView node, Service service) {
        String namespace = DesiredState.namespace(service.metadata());
        String name = ServiceProxyNames.containerName(namespace, service.metadata().name());
        String directory = ProxyDirectory.of(node.homeDirectory(), name);
        List<String> aliases = ServiceProxyNames.aliases(namespace, service.metadata().name());
        List<String> publish = "NodePort".equals(service.spec().type()) ? service.spec().ports().stream()
                .filter(port -> port.nodePort() != null)
                .map(port -> port.nodePort() + ":" + port.port() + "/"
                        + (port.protocol() == null ? "tcp" : port.protocol().toLowerCase(Locale.ROOT)))
                .toList() : List.of();
        List<String> unlabelled = ProxyCommands.runServiceProxy(name, edge.image(), directory,
                ServiceProxyNames.DIRECTORY, PodBlueprint.NETWORK, aliases, publish, Map.of());
        List<String> start = ProxyCommands.runServiceProxy(name, edge.image(), directory, ServiceProxyNames.DIRECTORY,
                PodBlueprint.NETWORK, aliases, publish, labels(BerthLabels.SERVICE_PROXY,
                        namespace + "/" + service.metadata().name(), unlabelled));
        return new ProxyContainer(name, directory, ServiceProxyNames.DIRECTORY, start, PodBlueprint.NETWORK);
    }

    private static Map<String, String> labels(String kind, String service, List<String> unlabelled) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(BerthLabels.MANAGED, "true");
        labels.put(BerthLabels.PROXY, kind);
        labels.put(BerthLabels.PROXY_SPEC, hash(unlabelled));
        if (service != null) {
            labels.put(BerthLabels.SERVICE, service);
        }
        return labels;
    }

    /**
     * Plans the loads that bring one proxy from the hash it serves to {@code last}, through {@code first} when
     * replicas leave; a missing, stopped or differently started container is (re)started by the first load.
     */
    private void configure(List<Action> actions, NodeView node, ProxyContainer proxy, NginxConfig first,
                           NginxConfig last) {
        Optional<ObservedContainer> found = existing(node, proxy.name());
        String spec = labelOf(proxy.start());
        boolean usable = found.isPresent() && found.get().running()
                && spec.equals(found.get().label(BerthLabels.PROXY_SPEC));
        String replace = found.isPresent() && !usable ? found.get().id() : null;
        String loaded = usable ? node.loadedConfigs().get(proxy.name()) : null;
        String mountedAt = proxy.mountedAt();
        String reason = found.isEmpty() ? "new" : !usable ? "restarted: it was stopped or started otherwise"
                : "routes changed";
        boolean running = usable;
        if (!first.hash().equals(loaded) && !first.hash().equals(last.hash())) {
            actions.add(new Action.ConfigureProxy(node.name(), proxy.name(), proxy.directory(), mountedAt, edge.image(),
                    proxy.start(), replace, running, proxy.network(), first, reason));
            replace = null;
            running = true;
            loaded = first.hash();
            reason = "replicas leaving";
        }
        if (!last.hash().equals(loaded)) {
            actions.add(new Action.ConfigureProxy(node.name(), proxy.name(), proxy.directory(), mountedAt, edge.image(),
                    proxy.start(), replace, running, proxy.network(), last, reason));
        }
    }

    /** The {@link BerthLabels#PROXY_SPEC} label a start command gives its container. */
    private static String labelOf(List<String> start) {
        return start.stream().filter(word -> word.startsWith(BerthLabels.PROXY_SPEC + "=")).findFirst()
                .map(word -> word.substring(BerthLabels.PROXY_SPEC.length() + 1)).orElse("");
    }

    private static Optional<ObservedContainer> existing(NodeView node, String name) {
        return node.containers().stream().filter(c -> c.name().equals(name) && c.label(BerthLabels.PROXY) != null)
                .findFirst();
    }

    private static String hash(List<String> argv) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(argv.stream().collect(Collectors.joining("\0"))
                    .getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
