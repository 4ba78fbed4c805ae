package dev.berth.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A replica as found on a node: the berth containers there sharing one {@link BerthLabels#POD} label, in
 * container name order. Its status words follow kubectl's so that people read them without a glossary.
 *
 * @param namespace  the {@link BerthLabels#NAMESPACE} label, {@code default} when absent
 * @param deployment the name of the Deployment the replica belongs to, in the same namespace (the
 *                   {@link BerthLabels#DEPLOYMENT} label); {@code null} when its containers name none, as
 *                   berth's own helpers (such as its proxies) do
 */
public record ObservedPod(String namespace, String name, String deployment, String node,
                          List<ObservedContainer> containers) {
    private static final Set<String> ALIVE = Set.of("running", "restarting", "paused");

    public ObservedPod {
        containers = List.copyOf(containers);
    }

    /**
     * Groups a node's berth containers into pods, sorted by namespace and name; other containers, and berth's own
     * proxies ({@link BerthLabels#PROXY}), are left out.
     */
    public static List<ObservedPod> group(String node, List<ObservedContainer> containers) {
        Map<PodKey, List<ObservedContainer>> byPod = new TreeMap<>(
                Comparator.comparing(PodKey::namespace).thenComparing(PodKey::name));
        for (ObservedContainer container : containers) {
            if (!container.managedByBerth() || container.label(BerthLabels.PROXY) != null) {
                continue;
            }
            String pod = Objects.requireNonNullElse(container.label(BerthLabels.POD), container.name());
            String namespace = Objects.requireNonNullElse(container.label(BerthLabels.NAMESPACE),
                    ObjectMeta.DEFAULT_NAMESPACE);
            byPod.computeIfAbsent(new PodKey(namespace, pod), key -> new ArrayList<>()).add(container);
        }
        List<ObservedPod> pods = new ArrayList<>();
        byPod.forEach((key, members) -> {
            members.sort(Comparator.comparing(ObservedContainer::name));
            pods.add(new ObservedPod(key.namespace(), key.name(), members.get(0).label(BerthLabels.DEPLOYMENT),
                    node, members));
        });
        return List.copyOf(pods);
    }

    private record PodKey(String namespace, String name) {
    }

    /** Containers that run and, when they have a readiness probe (or docker health check), pass it. */
    public int readyContainers() {
        return (int) containers.stream()
                .filter(c -> c.running() && (c.health() == null || c.health().equals("healthy"))).count();
    }

    /**
     * Every container is running and, when it has a readiness probe, passes it: the replica may take traffic.
     * A replica that runs but is not ready still shows {@code Running}, with READY {@code 0/1}, as kubectl.
     */
    public boolean ready() {
        return running() && readyContainers() == containers.size();
    }

    /**
     * Kubernetes' <em>available</em>: the replica is {@link #ready()} and every container has been running at
     * least {@code minReadySeconds} at {@code observedAt} (counted from its {@code startedAt}, so a restart starts
     * the count again). A container whose start time is unknown has run long enough only when none is asked.
     */
    public boolean available(int minReadySeconds, Instant observedAt) {
        return ready() && containers.stream().allMatch(c -> minReadySeconds <= 0 || c.startedAt() != null
                && !c.startedAt().plusSeconds(minReadySeconds).isAfter(observedAt));
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

    /**
     * Every container is running, restarting or paused: the replica exists, healthy or not. A replica that is
     * not alive is dead, and the planner replaces it.
     */
    public boolean alive() {
        return containers.stream().allMatch(c -> ALIVE.contains(c.status()));
    }

    /** Every container is running: the replicas that count toward a Deployment's replicas and readiness. */
    public boolean running() {
        return containers.stream().allMatch(ObservedContainer::running);
    }

    /** Why a replica that is not alive is dead, e.g. {@code dead (exited 3)}. */
    public String deathReason() {
        return containers.stream().filter(c -> !ALIVE.contains(c.status())).findFirst()
                .map(c -> "dead (" + (c.oomKilled() ? "out of memory"
                        : c.status().equals("exited") ? "exited " + c.exitCode() : c.status()) + ")")
                .orElse("alive");
    }

    /**
     * When the pod was created: when its first (oldest) container was, as kubectl's AGE counts from a pod's
     * creation and not from its newest container; {@code null} when no container says.
     */
    public Instant createdAt() {
        return containers.stream().map(ObservedContainer::createdAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** The hash of the pod template the replica was started from ({@link BerthLabels#SPEC_HASH}); empty if none. */
    public String specHash() {
        return Objects.requireNonNullElse(label(BerthLabels.SPEC_HASH), "");
    }

    /** The CPU the replica's containers requested, in thousandths of a core ({@link BerthLabels#CPU_REQUEST}). */
    public long cpuMillis() {
        return containers.stream().mapToLong(c -> number(c.label(BerthLabels.CPU_REQUEST))).sum();
    }

    /** The memory the replica's containers requested, in bytes ({@link BerthLabels#MEMORY_REQUEST}). */
    public long memoryBytes() {
        return containers.stream().mapToLong(c -> number(c.label(BerthLabels.MEMORY_REQUEST))).sum();
    }

    /** Host ports the replica's containers publish, as {@code port/protocol}. */
    public List<String> hostPorts() {
        return containers.stream().flatMap(c -> c.ports().stream())
                .map(p -> p.hostPort() + "/" + p.protocol().toLowerCase(Locale.ROOT)).toList();
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

    private static long number(String label) {
        if (label == null || !label.matches("[0-9]{1,18}")) {
            return 0;
        }
        return Long.parseLong(label);
    }
}
