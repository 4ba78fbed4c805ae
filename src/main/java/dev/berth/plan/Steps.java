package dev.berth.plan;

import dev.berth.model.ObservedPod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actions of a plan, collected in kind order: clean-ups of files no container uses any more, networks, files,
 * pulls, new containers, removals and clean-ups. Within a kind they keep the order they were planned in, which is deterministic.
 */
final class Steps {
    private final List<Action> orphans = new ArrayList<>();
    private final Map<String, Action> networks = new LinkedHashMap<>();
    private final List<Action> files = new ArrayList<>();
    private final Set<Action> pulls = new LinkedHashSet<>();
    private final List<Action> runs = new ArrayList<>();
    private final List<Action> removals = new ArrayList<>();
    private final List<Action> cleanUps = new ArrayList<>();

    /** A new replica on a node: its network, files, image pulls and containers. */
    void start(NodeView node, List<String> images, List<Action> replica) {
        networks.putIfAbsent(node.name(), new Action.EnsureNetwork(node.name(), PodBlueprint.NETWORK));
        images.forEach(image -> pulls.add(new Action.PullImage(node.name(), image)));
        for (Action action : replica) {
            (action instanceof Action.WriteFile ? files : runs).add(action);
        }
    }

    /** An image pull ahead of the replicas that need it, such as before a rollout's first wave. */
    void pull(Action.PullImage pull) {
        pulls.add(pull);
    }

    /** Removes every container of a replica, then its files and scratch volumes. */
    void remove(ObservedPod pod, NodeView node, String reason) {
        pod.containers().forEach(c -> removals.add(new Action.RemoveContainer(node.name(), c.id(), c.name(), reason)));
        cleanUps.addAll(PodRemoval.cleanUp(pod, node.name(), node.homeDirectory()));
    }

    /** Deletes the files of replicas that have no container left on their node. */
    void cleanUp(List<Action> orphaned) {
        orphans.addAll(orphaned);
    }

    List<Action> ordered() {
        List<Action> all = new ArrayList<>(orphans);
        all.addAll(networks.values());
        all.addAll(files);
        all.addAll(pulls);
        all.addAll(runs);
        all.addAll(removals);
        all.addAll(cleanUps);
        return all;
    }
}
