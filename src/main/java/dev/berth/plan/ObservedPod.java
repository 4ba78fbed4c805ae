package dev.berth.plan;

import dev.berth.model.BerthLabels;
import dev.berth.model.ObservedContainer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A replica found on a node: every container there with the same {@value BerthLabels#POD} label. Only
 * containers berth manages and that name their Deployment take part in planning; other containers, even
 * berth's own (such as its proxies), are left alone.
 */
record ObservedPod(String node, String deployment, String name, String specHash, List<ObservedContainer> containers) {
    private static final Set<String> ALIVE = Set.of("running", "restarting", "paused");

    /** The pods of one node, in name order. */
    static List<ObservedPod> of(NodeView node) {
        Map<String, List<ObservedContainer>> byPod = new TreeMap<>();
        for (ObservedContainer container : node.containers()) {
            String namespace = container.label(BerthLabels.NAMESPACE);
            String deployment = container.label(BerthLabels.DEPLOYMENT);
            if (!container.managedByBerth() || namespace == null || deployment == null) {
                continue;
            }
            String pod = Objects.requireNonNullElse(container.label(BerthLabels.POD), container.name());
            byPod.computeIfAbsent(DesiredState.key(namespace, pod), k -> new ArrayList<>()).add(container);
        }
        List<ObservedPod> pods = new ArrayList<>();
        byPod.forEach((key, containers) -> {
            containers.sort(Comparator.comparing(ObservedContainer::name));
            ObservedContainer first = containers.get(0);
            pods.add(new ObservedPod(node.name(),
                    DesiredState.key(first.label(BerthLabels.NAMESPACE), first.label(BerthLabels.DEPLOYMENT)),
                    key.substring(key.indexOf('/') + 1),
                    Objects.requireNonNullElse(first.label(BerthLabels.SPEC_HASH), ""),
                    List.copyOf(containers)));
        });
        return pods;
    }

    String namespace() {
        return deployment.substring(0, deployment.indexOf('/'));
    }

    /** Every container is running, restarting or paused: the replica exists, healthy or not. */
    boolean alive() {
        return containers.stream().allMatch(c -> ALIVE.contains(c.status()));
    }

    /** Every container is running. */
    boolean running() {
        return containers.stream().allMatch(ObservedContainer::running);
    }

    /** Why a replica that is not alive is dead, e.g. {@code dead (exited 3)}. */
    String deathReason() {
        return containers.stream().filter(c -> !ALIVE.contains(c.status())).findFirst()
                .map(c -> "dead (" + (c.oomKilled() ? "out of memory"
                        : c.status().equals("exited") ? "exited " + c.exitCode() : c.status()) + ")")
                .orElse("alive");
    }

    /** When the newest container of the replica was created. */
    Instant created() {
        return containers.stream().map(ObservedContainer::createdAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    long cpuMillis() {
        return containers.stream().mapToLong(c -> number(c.label(BerthLabels.CPU_REQUEST))).sum();
    }

    long memoryBytes() {
        return containers.stream().mapToLong(c -> number(c.label(BerthLabels.MEMORY_REQUEST))).sum();
    }

    /** Host ports the replica's containers publish, as {@code port/protocol}. */
    List<String> hostPorts() {
        return containers.stream().flatMap(c -> c.ports().stream())
                .map(p -> p.hostPort() + "/" + p.protocol().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private static long number(String label) {
        if (label == null || !label.matches("[0-9]{1,18}")) {
            return 0;
        }
        return Long.parseLong(label);
    }
}
