package dev.berth.plan;

import dev.berth.model.ObservedPod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Chooses a node for each new replica. A node is a candidate when it is reachable, not cordoned, matches the
 * {@code nodeSelector}, holds the replica's claim volumes (if they exist anywhere), has its fixed host ports
 * free, and has room: its capacity minus the requests of berth's alive replicas on it and of those placed
 * earlier in this plan. Among candidates: fewest replicas of the same Deployment and spec first (spread),
 * then the most free room after placing (the mean of the free CPU and free memory fractions), then the lowest
 * live usage, then the name.
 */
final class Placement {
    private final List<NodeView> nodes;
    private final Map<String, Ledger> ledgers = new HashMap<>();
    private final Map<String, String> claimNodes = new HashMap<>();
    private final Map<String, String> moving;

    private final Map<String, List<String>> holders = new HashMap<>();

    Placement(ClusterView cluster) {
        this.nodes = cluster.nodes();
        this.moving = cluster.moving();
        for (NodeView node : nodes) {
            ledgers.put(node.name(), new Ledger());
            node.volumes().forEach(volume -> {
                claimNodes.putIfAbsent(volume, node.name());
                holders.computeIfAbsent(volume, v -> new ArrayList<>()).add(node.name());
            });
        }
    }

    /**
     * When a claim's volume is on several nodes (data a drain of an older berth left behind, with no binding in
     * the record to say which copy is the claim's), new replicas of {@code demand} go where its running
     * {@code pods} are, since that is the data in use; otherwise to the first such node by name.
     */
    void followRunning(Demand demand, List<ObservedPod> pods) {
        for (String volume : demand.claimVolumes()) {
            List<String> on = holders.getOrDefault(volume, List.of());
            if (on.size() > 1) {
                pods.stream().filter(ObservedPod::alive).map(ObservedPod::node).filter(on::contains).sorted()
                        .findFirst().ifPresent(node -> claimNodes.put(volume, node));
            }
        }
    }

    /** Counts an alive replica that stays (or stays until its replacement runs) against its node. */
    void occupy(ObservedPod pod) {
        Ledger ledger = ledgers.get(pod.node());
        ledger.cpuMillis += pod.cpuMillis();
        ledger.memoryBytes += pod.memoryBytes();
        ledger.hostPorts.addAll(pod.hostPorts());
        ledger.replicas.merge(Planner.deployment(pod) + "@" + pod.specHash(), 1, Integer::sum);
    }

    /** Why a replica of {@code demand} may not run now: a volume it mounts is being moved; empty otherwise. */
    Optional<String> held(Demand demand) {
        return demand.claimVolumes().stream().filter(moving::containsKey).sorted().findFirst()
                .map(volume -> "volume " + volume + " is being moved to " + moving.get(volume));
    }

    /** The node for one more replica, now reserved for it, or the reason no node fits. */
    Result place(Demand demand) {
        Optional<String> held = held(demand);
        if (held.isPresent()) {
            return new Result(null, held.get());
        }
        Map<String, Integer> reasons = new TreeMap<>();
        List<NodeView> candidates = new ArrayList<>();
        for (NodeView node : nodes) {
            String reason = unfit(node, demand);
            if (reason == null) {
                candidates.add(node);
            } else {
                reasons.merge(reason, 1, Integer::sum);
            }
        }
        Optional<NodeView> best = candidates.stream()
                .min(Comparator.comparingInt((NodeView node) -> replicas(node, demand))
                        .thenComparing(Comparator.comparingDouble((NodeView node) -> freeAfter(node, demand))
                                .reversed())
                        .thenComparingDouble(NodeView::liveUsage)
                        .thenComparing(NodeView::name));
        if (best.isEmpty()) {
            return new Result(null, message(reasons));
        }
        reserve(best.get(), demand);
        return new Result(best.get().name(), null);
    }

    /** The outcome of placing one replica: a node, or the reason none fits. */
    record Result(String node, String pendingReason) {
        boolean placed() {
            return node != null;
        }
    }

    private String unfit(NodeView node, Demand demand) {
        Ledger ledger = ledgers.get(node.name());
        if (!node.reachable()) {
            return "unreachable";
        }
        if (node.cordoned()) {
            return "cordoned";
        }
        if (!selects(demand.nodeSelector(), node)) {
            return "node selector mismatch";
        }
        if (demand.claimVolumes().stream().anyMatch(volume -> elsewhere(volume, node))) {
            return "volume on another node";
        }
        if (demand.hostPorts().stream().anyMatch(ledger.hostPorts::contains)) {
            return "host port in use";
        }
        if (demand.cpuMillis() > node.capacity().cpuMillis() - ledger.cpuMillis) {
            return "insufficient cpu";
        }
        if (demand.memoryBytes() > node.capacity().memoryBytes() - ledger.memoryBytes) {
            return "insufficient memory";
        }
        return null;
    }

    /** Whether a {@code nodeSelector} admits a node: the node has every label it names, with the same value. */
    static boolean selects(Map<String, String> nodeSelector, NodeView node) {
        Map<String, String> labels = node.schedulingLabels();
        return nodeSelector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private boolean elsewhere(String volume, NodeView node) {
        return !claimNodes.getOrDefault(volume, node.name()).equals(node.name());
    }

    private int replicas(NodeView node, Demand demand) {
        return ledgers.get(node.name()).replicas.getOrDefault(demand.deployment() + "@" + demand.specHash(), 0);
    }

    private double freeAfter(NodeView node, Demand demand) {
        Ledger ledger = ledgers.get(node.name());
        Capacity capacity = node.capacity();
        return (fraction(capacity.cpuMillis() - ledger.cpuMillis - demand.cpuMillis(), capacity.cpuMillis())
                + fraction(capacity.memoryBytes() - ledger.memoryBytes - demand.memoryBytes(),
                capacity.memoryBytes())) / 2;
    }

    private static double fraction(long free, long capacity) {
        return capacity <= 0 ? 0 : (double) free / capacity;
    }

    private void reserve(NodeView node, Demand demand) {
        Ledger ledger = ledgers.get(node.name());
        ledger.cpuMillis += demand.cpuMillis();
        ledger.memoryBytes += demand.memoryBytes();
        ledger.hostPorts.addAll(demand.hostPorts());
        ledger.replicas.merge(demand.deployment() + "@" + demand.specHash(), 1, Integer::sum);
        demand.claimVolumes().forEach(volume -> claimNodes.putIfAbsent(volume, node.name()));
    }

    /** {@code 0/3 nodes fit: 2 insufficient memory, 1 cordoned}: by count, then by reason. */
    private String message(Map<String, Integer> reasons) {
        String counted = reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return "0/" + nodes.size() + " nodes fit" + (counted.isEmpty() ? "" : ": " + counted);
    }

    private static final class Ledger {
        private long cpuMillis;
        private long memoryBytes;
        private final Set<String> hostPorts = new HashSet<>();
        private final Map<String, Integer> replicas = new LinkedHashMap<>();
    }
}
