package dev.berth.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A replica as found on a node: the berth containers sharing one {@link BerthLabels#POD} label.
 * Its status words follow kubectl's so that people read them without a glossary.
 */
public record ObservedPod(String namespace, String name, String deployment, String node,
                          List<ObservedContainer> containers) {

    public ObservedPod {
        containers = List.copyOf(containers);
    }

    /** Groups a node's berth containers into pods, sorted by namespace and name. */
    public static List<ObservedPod> group(String node, List<ObservedContainer> containers) {
        Map<String, List<ObservedContainer>> byPod = new LinkedHashMap<>();
        for (ObservedContainer container : containers) {
            if (!container.managedByBerth()) {
                continue;
            }
            String pod = Objects.requireNonNullElse(container.label(BerthLabels.POD), container.name());
            String namespace = Objects.requireNonNullElse(container.label(BerthLabels.NAMESPACE), "default");
            byPod.computeIfAbsent(namespace + "/" + pod, key -> new ArrayList<>()).add(container);
        }
        List<ObservedPod> pods = new ArrayList<>();
        byPod.forEach((key, members) -> {
            ObservedContainer first = members.get(0);
            pods.add(new ObservedPod(key.substring(0, key.indexOf('/')), key.substring(key.indexOf('/') + 1),
                    first.label(BerthLabels.DEPLOYMENT), node, members));
        });
        pods.sort(Comparator.comparing(ObservedPod::namespace).thenComparing(ObservedPod::name));
        return List.copyOf(pods);
    }

    /** Containers that run and, when they have a health check, pass it. */
    public int readyContainers() {
        return (int) containers.stream()
                .filter(c -> c.running() && (c.health() == null || c.health().equals("healthy"))).count();
    }

    public int restarts() {
        return containers.stream().mapToInt(ObservedContainer::restartCount).sum();
    }

    /** kubectl's words: Running, Pending, Completed, Error, OOMKilled, CrashLoopBackOff, Terminating, Unknown. */
    public String status() {
        for (ObservedContainer container : containers) {
            switch (container.status()) {
                case "restarting":
                    return "CrashLoopBackOff";
                case "exited", "dead":
                    if (container.oomKilled()) {
                        return "OOMKilled";
                    }
                    return container.exitCode() == 0 ? "Completed" : "Error";
                case "created":
                    return "ContainerCreating";
                case "removing":
                    return "Terminating";
                case "running", "paused":
                    break;
                default:
                    return "Unknown";
            }
        }
        return "Running";
    }

    /** Whether every container runs; a live replica counts toward the desired replicas. */
    public boolean live() {
        return containers.stream().allMatch(ObservedContainer::running);
    }

    public Instant createdAt() {
        return containers.stream().map(ObservedContainer::createdAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** The labels people select pods by: every label of the first container outside berth's own prefix. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        containers.get(0).labels().forEach((key, value) -> {
            if (!key.startsWith(BerthLabels.PREFIX)) {
                labels.put(key, value);
            }
        });
        return labels;
    }

    public String label(String key) {
        return containers.get(0).label(key);
    }
}
