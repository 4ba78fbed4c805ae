package dev.berth.plan;

import dev.berth.manifest.InputFiles;
import dev.berth.manifest.ManifestInput;
import dev.berth.manifest.ManifestLoader;
import dev.berth.manifest.ManifestSet;
import dev.berth.model.BerthLabels;
import dev.berth.model.Cluster;
import dev.berth.model.Ingress;
import dev.berth.model.ObservedContainer;
import dev.berth.model.PublishedPort;
import dev.berth.model.Resource;
import dev.berth.model.Service;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyPlanTest {
    private static final String YAML = """
            apiVersion: v1
            kind: Service
            metadata: {name: hello}
            spec: {selector: {app: hello}, ports: [{name: http, port: 80, targetPort: 8080}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: hello}
            spec:
              rules:
                - host: hello.lab
                  http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: hello, port: {name: http}}}}]}
            """;
    private static final ProxyPlan PLAN = new ProxyPlan(new Cluster.Edge("berth-registry:5000/berth-edge:2", 80, 443));

    private static DesiredState desired(String yaml) {
        ManifestSet set = new ManifestLoader().load(new InputFiles.Read(
                List.of(new ManifestInput("test.yaml", yaml.getBytes(StandardCharsets.UTF_8))), List.of()));
        assertThat(set.errors()).isEmpty();
        List<Resource> objects = set.resources();
        return new DesiredState(List.of(), List.of(), List.of(), List.of(),
                objects.stream().filter(Service.class::isInstance).map(Service.class::cast).toList(),
                objects.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast).toList());
    }

    private static ObservedContainer replica(String node, String suffix, int hostPort) {
        String pod = "hello-1234567890-" + suffix;
        return new ObservedContainer("id-" + pod, "default_" + pod + "_hello", "hello:v1",
                Map.of(BerthLabels.MANAGED, "true", BerthLabels.NAMESPACE, "default", BerthLabels.DEPLOYMENT, "hello",
                        BerthLabels.POD, pod, "app", "hello"),
                "running", 0, false, null, 0, Instant.EPOCH, Instant.EPOCH, null, Map.of("berth", "172.18.0.9"),
                List.of(new PublishedPort(address(node), hostPort, 8080, "tcp")));
    }

    private static String address(String node) {
        return node.equals("node-1") ? "10.0.0.11" : "10.0.0.12";
    }

    private static NodeView node(String name, List<String> roles, List<ObservedContainer> containers,
                                 Map<String, String> loaded) {
        return new NodeView(name, address(name), Map.of(), roles, true, false, false, new Capacity(4000, 1L << 33),
                "/home/berth", containers, List.of(), 0, loaded);
    }

    /** The nodes after the actions ran: each proxy started as its start command says, serving its last hash. */
    private static List<NodeView> after(List<NodeView> nodes, List<Action> actions) {
        List<NodeView> result = new ArrayList<>();
        for (NodeView node : nodes) {
            List<ObservedContainer> containers = new ArrayList<>(node.containers());
            Map<String, String> loaded = new HashMap<>(node.loadedConfigs());
            for (Action action : actions) {
                if (action instanceof Action.ConfigureProxy proxy && proxy.node().equals(node.name())) {
                    containers.removeIf(c -> c.name().equals(proxy.container()));
                    containers.add(started(proxy));
                    loaded.put(proxy.container(), proxy.config().hash());
                }
            }
            result.add(node(node.name(), node.roles(), containers, loaded));
        }
        return result;
    }

    private static ObservedContainer started(Action.ConfigureProxy proxy) {
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < proxy.start().size() - 1; i++) {
            if (proxy.start().get(i).equals("--label")) {
                String label = proxy.start().get(i + 1);
                labels.put(label.substring(0, label.indexOf('=')), label.substring(label.indexOf('=') + 1));
            }
        }
        return new ObservedContainer("id-" + proxy.container(), proxy.container(), proxy.image(), labels, "running", 0,
                false, null, 0, Instant.EPOCH, Instant.EPOCH, null, Map.of(), List.of());
    }

    private static List<String> described(List<Action> actions) {
        return actions.stream().map(a -> a.describe().replaceAll("configuration [0-9a-f]{12}", "configuration H"))
                .toList();
    }

    @Test
    void startsTheEdgeOnEdgeNodesAndAProxyOfEveryServiceOnEveryNode() {
        List<NodeView> nodes = List.of(node("node-1", List.of("edge"), List.of(replica("node-1", "a", 32768)), Map.of()),
                node("node-2", List.of(), List.of(), Map.of()));

        List<Action> actions = PLAN.actions(desired(YAML), nodes, Set.of());

        assertThat(described(actions)).containsExactly(
                "node-1: load berth-edge configuration H (new)",
                "node-1: load berth-svc.default.hello configuration H (new)",
                "node-2: load berth-svc.default.hello configuration H (new)");
        Action.ConfigureProxy edge = (Action.ConfigureProxy) actions.get(0);
        assertThat(edge.running()).isFalse();
        assertThat(edge.network()).isNull();
        assertThat(edge.directory()).isEqualTo("/home/berth/.berth/proxies/berth-edge");
        assertThat(edge.config().text()).contains("server 10.0.0.11:32768", "server_name hello.lab;");
        Action.ConfigureProxy service = (Action.ConfigureProxy) actions.get(2);
        assertThat(service.network()).isEqualTo("berth");
        assertThat(service.start()).containsSubsequence("--network", "berth", "--network-alias", "hello.default");
        assertThat(service.config().text()).contains("include /etc/nginx/modules-enabled/*.conf;",
                "server 10.0.0.11:32768");
    }

    @Test
    void plansNothingOnceEveryProxyServesWhatIsRendered() {
        List<NodeView> nodes = List.of(node("node-1", List.of("edge"), List.of(replica("node-1", "a", 32768)), Map.of()),
                node("node-2", List.of(), List.of(), Map.of()));
        List<NodeView> served = after(nodes, PLAN.actions(desired(YAML), nodes, Set.of()));

        assertThat(PLAN.actions(desired(YAML), served, Set.of())).isEmpty();
    }

    @Test
    void aReplicaTheRunRemovesLeavesTheUpstreamsByAReloadOfItsOwnAfterTheNewOnesJoined() {
        List<NodeView> before = List.of(node("node-1", List.of("edge"), List.of(replica("node-1", "a", 32768)),
                Map.of()), node("node-2", List.of(), List.of(), Map.of()));
        List<NodeView> served = after(before, PLAN.actions(desired(YAML), before, Set.of()));
        List<NodeView> withNew = served.stream().map(n -> !n.name().equals("node-2") ? n : node("node-2", n.roles(),
                concat(n.containers(), replica("node-2", "b", 32770)), n.loadedConfigs())).toList();

        List<Action> actions = PLAN.actions(desired(YAML), withNew, Set.of("id-hello-1234567890-a"));

        assertThat(described(actions)).containsExactly(
                "node-1: load berth-edge configuration H (routes changed)",
                "node-1: load berth-edge configuration H (replicas leaving)",
                "node-1: load berth-svc.default.hello configuration H (routes changed)",
                "node-1: load berth-svc.default.hello configuration H (replicas leaving)",
                "node-2: load berth-svc.default.hello configuration H (routes changed)",
                "node-2: load berth-svc.default.hello configuration H (replicas leaving)");
        Action.ConfigureProxy joined = (Action.ConfigureProxy) actions.get(0);
        Action.ConfigureProxy left = (Action.ConfigureProxy) actions.get(1);
        assertThat(joined.config().text()).contains("server 10.0.0.11:32768", "server 10.0.0.12:32770");
        assertThat(left.config().text()).contains("server 10.0.0.12:32770").doesNotContain("10.0.0.11:32768");
        assertThat(left.running()).isTrue();
    }

    @Test
    void removesTheProxyOfADeletedServiceAndAnEdgeOnANodeThatIsNoEdge() {
        List<NodeView> nodes = List.of(node("node-1", List.of("edge"), List.of(), Map.of()),
                node("node-2", List.of(), List.of(), Map.of()));
        List<NodeView> served = after(nodes, PLAN.actions(desired(YAML), nodes, Set.of()));
        List<NodeView> demoted = served.stream().map(n -> node(n.name(), List.of(), n.containers(),
                n.loadedConfigs())).toList();

        assertThat(described(PLAN.actions(new DesiredState(List.of(), List.of(), List.of(), List.of()), demoted,
                Set.of()))).containsExactly(
                "node-1: remove berth-edge (not an edge node)",
                "node-1: remove berth-svc.default.hello (service deleted)",
                "node-2: remove berth-svc.default.hello (service deleted)");
    }

    @Test
    void replacesAProxyThatStoppedAndPublishesANodePortOnEveryAddress() {
        String nodePort = """
                apiVersion: v1
                kind: Service
                metadata: {name: api}
                spec: {type: NodePort, selector: {app: api}, ports: [{port: 80, targetPort: 8080, nodePort: 30080}]}
                """;
        List<NodeView> nodes = List.of(node("node-2", List.of(), List.of(), Map.of()));
        List<NodeView> served = after(nodes, PLAN.actions(desired(nodePort), nodes, Set.of()));
        ObservedContainer proxy = served.get(0).containers().get(0);
        ObservedContainer stopped = new ObservedContainer(proxy.id(), proxy.name(), proxy.image(), proxy.labels(),
                "exited", 1, false, null, 0, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, Map.of(), List.of());

        List<Action> actions = PLAN.actions(desired(nodePort), List.of(node("node-2", List.of(), List.of(stopped),
                served.get(0).loadedConfigs())), Set.of());

        assertThat(described(actions)).containsExactly(
                "node-2: load berth-svc.default.api configuration H (restarted: it was stopped or started otherwise)");
        Action.ConfigureProxy again = (Action.ConfigureProxy) actions.get(0);
        assertThat(again.replace()).isEqualTo(proxy.id());
        assertThat(again.start()).containsSubsequence("--publish", "30080:80/tcp");
    }

    private static List<ObservedContainer> concat(List<ObservedContainer> containers, ObservedContainer extra) {
        List<ObservedContainer> all = new ArrayList<>(containers);
        if (extra != null) {
            all.add(extra);
        }
        return all;
    }
}
