package dev.berth.exec;

import dev.berth.model.ContainerUsage;
import dev.berth.model.Cluster;
import dev.berth.model.NodeSnapshot;
import dev.berth.plan.Capacity;
import dev.berth.plan.ClusterView;
import dev.berth.plan.Layout;
import dev.berth.plan.NodeView;
import dev.berth.state.ClaimBinding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns what one run observed into the planner's view of the cluster. */
public final class ClusterViews {
    /** Nothing is ever done on a node that did not answer, so its home is never used. */
    private static final String UNKNOWN_HOME = "/nonexistent";

    private ClusterViews() {
    }

    public static ClusterView of(List<NodeObservation> observations, Set<String> cordoned) {
        return of(observations, cordoned, Set.of());
    }

    /**
     * As {@link #of(List, Set)}, with the {@code draining} nodes shown to the planner as draining: cordoned, and
     * their replicas leave once replacements elsewhere are available.
     */
    public static ClusterView of(List<NodeObservation> observations, Set<String> cordoned, Set<String> draining) {
        return of(observations, cordoned, draining, Instant.MAX);
    }

    /** As {@link #of(List, Set, Set)}, observed at {@code observedAt}: how long each replica has been running. */
    public static ClusterView of(List<NodeObservation> observations, Set<String> cordoned, Set<String> draining,
                                 Instant observedAt) {
        return of(observations, cordoned, draining, observedAt, Map.of());
    }

    /**
     * As {@link #of(List, Set, Set, Instant)}, with the claims' {@code bindings} (by {@code namespace/claim}): a
     * bound claim's volume is seen on its node, and only there (the other copies are older data a move left), and
     * a claim being moved is on no node, so none of its replicas runs until the move ends.
     */
    public static ClusterView of(List<NodeObservation> observations, Set<String> cordoned, Set<String> draining,
                                 Instant observedAt, Map<String, ClaimBinding> bindings) {
        Map<String, String> owners = new HashMap<>();
        Map<String, String> moving = new TreeMap<>();
        bindings.forEach((claim, binding) -> {
            String volume = Layout.claimVolume(claim);
            owners.put(volume, binding.moving() ? "" : binding.node());
            if (binding.moving()) {
                moving.put(volume, binding.movingTo());
            }
        });
        return new ClusterView(observations.stream().map(o -> withOwnVolumes(node(o, cordoned.contains(
                o.node().name()), draining.contains(o.node().name())), owners)).toList(), observedAt, moving);
    }

    private static NodeView withOwnVolumes(NodeView node, Map<String, String> owners) {
        List<String> own = new ArrayList<>(node.volumes().stream()
                .filter(volume -> owners.getOrDefault(volume, node.name()).equals(node.name())).toList());
        owners.forEach((volume, owner) -> {
            if (owner.equals(node.name()) && node.reachable() && !own.contains(volume)) {
                own.add(volume);
            }
        });
        return own.equals(node.volumes()) ? node : node.with(node.containers(), own);
    }

    static NodeView node(NodeObservation observation, boolean cordoned) {
        return node(observation, cordoned, false);
    }

    static NodeView node(NodeObservation observation, boolean cordoned, boolean draining) {
        Cluster.Node node = observation.node();
        if (!observation.ready()) {
            return new NodeView(node.name(), node.address(), node.labels(), node.roles(), false, cordoned,
                    new Capacity(0, 0), UNKNOWN_HOME, List.of(), List.of(), 0);
        }
        double usage = observation.usage().stream().mapToDouble(ContainerUsage::cpuPercent).sum();
        String address = node.clusterAddress(observation.snapshot().serverAddress());
        return new NodeView(node.name(), address == null ? node.address() : address, node.labels(), node.roles(),
                true, cordoned, draining,
                Capacity.of(observation.snapshot().engine(), node.capacity()),
                observation.snapshot().homeDirectory(), observation.snapshot().containers(),
                observation.snapshot().volumes(), usage, observation.snapshot().proxies().stream().collect(
                        Collectors.toMap(NodeSnapshot.LoadedConfig::proxy, NodeSnapshot.LoadedConfig::hash,
                                (first, second) -> second)), observation.snapshot().podDirectories());
    }
}
