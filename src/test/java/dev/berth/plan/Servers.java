package dev.berth.plan;

import dev.berth.model.BerthLabels;
import dev.berth.model.ObservedContainer;
import dev.berth.model.PublishedPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A pure simulation of the servers for tests: what really runs on each node, what berth can see of it
 * ({@link #view()}: nothing of an unreachable node), and the effect of a plan ({@link #apply}), read back from
 * the docker argv the plan holds, as Docker would.
 */
final class Servers {
    static final long GI = 1L << 30;

    private final Map<String, Node> nodes = new TreeMap<>();
    private long clock = 1_700_000_000L;
    private int ids;
    private int ephemeralPorts = 32768;
    private String newHealth;

    private static final class Node {
        final String name;
        final Capacity capacity;
        final Map<String, String> labels = new LinkedHashMap<>();
        final List<ObservedContainer> containers = new ArrayList<>();
        final Set<String> volumes = new TreeSet<>();
        boolean reachable = true;
        boolean cordoned;
        boolean draining;
        double usage;

        Node(String name, Capacity capacity) {
            this.name = name;
            this.capacity = capacity;
        }
    }

    /** Three nodes of 4 CPUs and 8 GiB. */
    static Servers three() {
        return new Servers().node("node-1", 4000, 8 * GI).node("node-2", 4000, 8 * GI).node("node-3", 4000, 8 * GI);
    }

    Servers node(String name, long cpuMillis, long memoryBytes) {
        nodes.put(name, new Node(name, new Capacity(cpuMillis, memoryBytes)));
        return this;
    }

    Servers label(String node, String key, String value) {
        nodes.get(node).labels.put(key, value);
        return this;
    }

    Servers cordon(String node) {
        nodes.get(node).cordoned = true;
        return this;
    }

    /** The node is being drained ({@code berth drain}): cordoned, and its replicas are to leave. */
    Servers drain(String node) {
        nodes.get(node).draining = true;
        return this;
    }

    Servers reachable(String node, boolean reachable) {
        nodes.get(node).reachable = reachable;
        return this;
    }

    Servers usage(String node, double usage) {
        nodes.get(node).usage = usage;
        return this;
    }

    Servers volume(String node, String volume) {
        nodes.get(node).volumes.add(volume);
        return this;
    }

    /** The view with every container counted as having run long enough ({@code minReadySeconds}). */
    ClusterView view() {
        return view(Instant.MAX);
    }

    /** The view as observed now, by the servers' clock. */
    ClusterView viewNow() {
        return view(now());
    }

    /** The servers' clock: it moves one second with each container started or stopped, and by {@link #advance}. */
    Instant now() {
        return Instant.ofEpochSecond(clock);
    }

    Servers advance(long seconds) {
        clock += seconds;
        return this;
    }

    /**
     * The health word of the containers started from now on, as a readiness probe would set it: {@code null}
     * (no probe, the default), {@code starting}, {@code healthy} or {@code unhealthy}.
     */
    Servers newContainersReport(String health) {
        this.newHealth = health;
        return this;
    }

    /** A probe's verdict on one container changes. */
    Servers health(String containerName, String health) {
        for (Node node : nodes.values()) {
            node.containers.replaceAll(c -> !c.name().equals(containerName) ? c : new ObservedContainer(c.id(),
                    c.name(), c.image(), c.labels(), c.status(), c.exitCode(), c.oomKilled(), health,
                    c.restartCount(), c.createdAt(), c.startedAt(), c.finishedAt(), c.networkAddresses(), c.ports()));
        }
        return this;
    }

    private ClusterView view(Instant observedAt) {
        return new ClusterView(nodes.values().stream().map(node -> new NodeView(node.name,
                "10.0.0." + node.name.hashCode() % 200, node.labels, List.of(), node.reachable, node.cordoned,
                node.draining, node.capacity, "/home/berth", node.reachable ? node.containers : List.of(),
                node.reachable ? List.copyOf(node.volumes) : List.of(), node.usage, Map.of())).toList(),
                observedAt);
    }

    /** Carries out a plan as the executor would; acting on an unreachable node is impossible. */
    Servers apply(Plan plan) {
        for (Action action : plan.actions()) {
            Node node = nodes.get(action.node());
            if (!node.reachable) {
                throw new IllegalStateException("cannot reach " + node.name + " for " + action.describe());
            }
            if (action instanceof Action.RunContainer run) {
                ObservedContainer container = run(run.argv());
                if (node.containers.stream().anyMatch(c -> c.name().equals(container.name()))) {
                    throw new IllegalStateException("name in use: " + container.name());
                }
                node.containers.add(container);
                run.argv().stream().filter(w -> w.startsWith("type=volume,src=berth_"))
                        .forEach(w -> node.volumes.add(w.split(",")[1].substring(4)));
            } else if (action instanceof Action.RemoveContainer remove) {
                if (!node.containers.removeIf(c -> c.id().equals(remove.containerId()))) {
                    throw new IllegalStateException("no such container: " + remove.name());
                }
            }
        }
        return this;
    }

    /** A container stops: exited with the code, as after {@code docker kill} or a crash berth sees. */
    Servers exit(String containerName, int exitCode) {
        for (Node node : nodes.values()) {
            node.containers.replaceAll(c -> !c.name().equals(containerName) ? c : new ObservedContainer(c.id(),
                    c.name(), c.image(), c.labels(), "exited", exitCode, false, null, 0, c.createdAt(),
                    c.startedAt(), Instant.ofEpochSecond(clock++), Map.of(), List.of()));
        }
        return this;
    }

    /** A container berth did not create, e.g. started by hand with {@code docker run}. */
    Servers unmanaged(String node, String name, Map<String, String> labels) {
        nodes.get(node).containers.add(container(name, "postgres:16", labels, List.of(), "running"));
        return this;
    }

    List<ObservedContainer> containers(String node) {
        return List.copyOf(nodes.get(node).containers);
    }

    /** Replica names per node, e.g. {@code {node-1=[web-...-a0001], node-2=[...]}}. */
    Map<String, List<String>> pods() {
        Map<String, List<String>> pods = new TreeMap<>();
        nodes.values().forEach(node -> pods.put(node.name, node.containers.stream()
                .map(c -> c.label(BerthLabels.POD)).filter(p -> p != null).distinct().sorted().toList()));
        return pods;
    }

    private ObservedContainer run(List<String> argv) {
        String name = null;
        Map<String, String> labels = new HashMap<>();
        List<PublishedPort> ports = new ArrayList<>();
        int i = 2;
        while (argv.get(i).startsWith("--")) {
            String flag = argv.get(i);
            if (flag.equals("--detach")) {
                i++;
                continue;
            }
            String value = argv.get(i + 1);
            switch (flag) {
                case "--name" -> name = value;
                case "--label" -> labels.put(value.substring(0, value.indexOf('=')),
                        value.substring(value.indexOf('=') + 1));
                case "--publish" -> ports.add(published(value));
                default -> {
                }
            }
            i += 2;
        }
        return container(name, argv.get(i), labels, ports, "running");
    }

    private PublishedPort published(String publish) {
        String[] sides = publish.split("/");
        String[] numbers = sides[0].split(":");
        int hostPort = numbers.length == 2 ? Integer.parseInt(numbers[0]) : ephemeralPorts++;
        return new PublishedPort("0.0.0.0", hostPort, Integer.parseInt(numbers[numbers.length - 1]), sides[1]);
    }

    private ObservedContainer container(String name, String image, Map<String, String> labels,
                                        List<PublishedPort> ports, String status) {
        Instant now = Instant.ofEpochSecond(clock++);
        return new ObservedContainer(String.format("%064x", ++ids), name, image, labels, status, 0, false,
                labels.containsKey(BerthLabels.POD) ? newHealth : null, 0, now, now, null, Map.of(), ports);
    }
}
