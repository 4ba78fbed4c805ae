package dev.berth.exec;

import dev.berth.model.BerthLabels;
import dev.berth.model.NodeSnapshot;
import dev.berth.model.ObservedContainer;
import dev.berth.proxy.EdgeSettings;
import dev.berth.ssh.NodeResult;
import dev.berth.ssh.SshTarget;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the edge stands on every edge node: whether its container runs, the hash its nginx answers now (asked on
 * its loopback hash listener through the node's session), and the hash berth recorded when it verified the last
 * load, with the time of that load.
 */
public final class EdgeStatus {
    /** The edge's container name. */
    public static final String CONTAINER = "berth-edge";

    private EdgeStatus() {
    }

    /**
     * One edge node.
     *
     * @param state    {@code Running}, the container's docker state, {@code Missing}, or {@code Unreachable}
     * @param serving  the hash nginx answers now; null when it does not answer
     * @param loaded   the hash berth verified last; null when none was
     * @param loadedAt when that load was verified
     */
    public record Node(String node, String state, String serving, String loaded, Instant loadedAt, String reason) {
    }

    /** Every node with role edge, in inventory order. */
    public static List<Node> of(ClusterAccess access) {
        List<NodeObservation> observed = new ClusterObserver(access).observe().stream()
                .filter(o -> o.node().edge()).toList();
        List<SshTarget> targets = observed.stream().map(o -> access.node(o.node().name())).toList();
        List<NodeResult<String>> answers = access.onNodes(targets, target -> ConfigHashProbe.ask(access.transport(),
                target, "127.0.0.1", EdgeSettings.HASH_PORT).exceptionally(error -> null));
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < observed.size(); i++) {
            NodeObservation observation = observed.get(i);
            String name = observation.node().name();
            if (!observation.ready()) {
                nodes.add(new Node(name, "Unreachable", null, null, null, observation.reason()));
                continue;
            }
            Optional<ObservedContainer> edge = observation.snapshot().containers().stream()
                    .filter(c -> c.name().equals(CONTAINER) && c.label(BerthLabels.PROXY) != null).findFirst();
            String state = edge.map(c -> c.running() ? "Running" : capitalized(c.status())).orElse("Missing");
            String serving = answers.get(i) instanceof NodeResult.Ok<String> ok && ok.value() != null
                    && !ok.value().isEmpty() ? ok.value() : null;
            Optional<NodeSnapshot.LoadedConfig> loaded = observation.snapshot().proxies().stream()
                    .filter(config -> config.proxy().equals(CONTAINER)).findFirst();
            nodes.add(new Node(name, state, serving, loaded.map(NodeSnapshot.LoadedConfig::hash).orElse(null),
                    loaded.map(NodeSnapshot.LoadedConfig::loadedAt).orElse(null), ""));
        }
        return List.copyOf(nodes);
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
