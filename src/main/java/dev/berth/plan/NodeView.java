package dev.berth.plan;

import dev.berth.model.BerthLabels;
import dev.berth.model.ObservedContainer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node as the planner sees it: inventory facts, whether berth could reach it this run, and what
 * runs on it.
 *
 * @param labels        the inventory's labels; {@link #schedulingLabels()} adds the built-in ones
 * @param reachable     false when the node did not answer this run: nothing on it is known or acted on
 * @param cordoned      no new replicas go there; running ones stay
 * @param draining      being drained ({@code berth drain}): cordoned, and its replicas leave once their
 *                      replacements elsewhere are available
 * @param homeDirectory absolute directory of berth's SSH user on the node; berth's files live below it
 * @param containers    every berth-managed container on the node, running or not (empty when unreachable)
 * @param volumes       names of the Docker volumes on the node ({@code docker volume ls}), to keep a replica
 *                      with its PersistentVolumeClaim
 * @param liveUsage     how busy the node is right now, as a fraction of its capacity (0 idle, 1 full), from
 *                      {@code docker stats}; it only breaks ties between equally free nodes
 * @param loadedConfigs the hash of the configuration each of berth's nginx containers on the node was last
 *                      verified to serve, by container name
 * @param podDirectories the replicas' directories of files on the node, as {@code namespace/pod}: one whose replica
 *                      has no container (its start failed, or a run was killed half-way) is deleted
 */
public record NodeView(String name, String address, Map<String, String> labels, List<String> roles,
                       boolean reachable, boolean cordoned, boolean draining, Capacity capacity,
                       String homeDirectory, List<ObservedContainer> containers, List<String> volumes,
                       double liveUsage, Map<String, String> loadedConfigs, List<String> podDirectories) {
    /** Kubernetes' own hostname label, so manifests written for Kubernetes select the same node. */
    public static final String KUBERNETES_HOSTNAME = "kubernetes.io/hostname";
    /** Each role {@code r} of the inventory becomes this label with suffix {@code r} and an empty value. */
    public static final String ROLE_PREFIX = "node-role.kubernetes.io/";

    public NodeView {
        labels = Map.copyOf(labels);
        roles = List.copyOf(roles);
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
        loadedConfigs = Map.copyOf(loadedConfigs);
        podDirectories = List.copyOf(podDirectories);
        cordoned = cordoned || draining;
        if (!homeDirectory.startsWith("/")) {
            throw new IllegalArgumentException("home directory of " + name + " is not absolute: " + homeDirectory);
        }
    }

    public NodeView(String name, String address, Map<String, String> labels, List<String> roles,
                    boolean reachable, boolean cordoned, boolean draining, Capacity capacity,
                    String homeDirectory, List<ObservedContainer> containers, List<String> volumes,
                    double liveUsage, Map<String, String> loadedConfigs) {
        this(name, address, labels, roles, reachable, cordoned, draining, capacity, homeDirectory, containers,
                volumes, liveUsage, loadedConfigs, List.of());
    }

    public NodeView(String name, String address, Map<String, String> labels, List<String> roles,
                    boolean reachable, boolean cordoned, Capacity capacity, String homeDirectory,
                    List<ObservedContainer> containers, List<String> volumes, double liveUsage) {
        this(name, address, labels, roles, reachable, cordoned, false, capacity, homeDirectory, containers, volumes,
                liveUsage, Map.of(), List.of());
    }

    /** This node as seen with other {@code containers} and {@code volumes}: for a view of what would be. */
    public NodeView with(List<ObservedContainer> otherContainers, List<String> otherVolumes) {
        return new NodeView(name, address, labels, roles, reachable, cordoned, draining, capacity, homeDirectory,
                otherContainers, otherVolumes, liveUsage, loadedConfigs, podDirectories);
    }

    /**
     * The labels {@code nodeSelector} is matched against: the inventory's, plus {@value BerthLabels#HOSTNAME}
     * and {@value #KUBERNETES_HOSTNAME} holding the node name, plus one label per role.
     */
    public Map<String, String> schedulingLabels() {
        Map<String, String> all = new LinkedHashMap<>(labels);
        roles.forEach(role -> all.put(ROLE_PREFIX + role, ""));
        all.put(BerthLabels.HOSTNAME, name);
        all.put(KUBERNETES_HOSTNAME, name);
        return all;
    }
}
