package dev.berth.plan;

import dev.berth.model.ObservedPod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan of one Deployment: dead replicas removed, missing ones placed, surplus ones removed. Surplus
 * replicas are chosen in this order: an old spec first, then one not running (restarting or paused), then
 * one on the node with the most replicas of the Deployment, then the newest, then by name.
 */
final class DeploymentPlan {
    private final PodBlueprint blueprint;
    private final long revision;
    private final int replicas;
    private final Map<String, NodeView> nodes;
    private final Placement placement;
    private final PodNames names;
    private final Set<String> taken;
    private final Steps steps;

    DeploymentPlan(PodBlueprint blueprint, long revision, int replicas, Map<String, NodeView> nodes,
                   Placement placement, PodNames names, Set<String> taken, Steps steps) {
        this.blueprint = blueprint;
        this.revision = revision;
        this.replicas = replicas;
        this.nodes = nodes;
        this.placement = placement;
        this.names = names;
        this.taken = taken;
        this.steps = steps;
    }

    /** Plans the Deployment given its replicas on reachable nodes; returns why replicas are pending. */
    List<String> plan(List<ObservedPod> pods) {
        List<ObservedPod> alive = new ArrayList<>();
        for (ObservedPod pod : pods) {
            Optional<String> broken = broken(pod);
            if (broken.isPresent()) {
                steps.remove(pod, nodes.get(pod.node()), broken.get());
            } else {
                alive.add(pod);
            }
        }
        Map<String, Integer> perNode = new HashMap<>();
        alive.forEach(pod -> perNode.merge(pod.node(), 1, Integer::sum));
        long current = alive.stream().filter(this::current).count();
        List<String> pending = new ArrayList<>();
        int started = 0;
        for (long missing = replicas - current; missing > 0; missing--) {
            if (blueprint.problem().isPresent()) {
                pending.add(blueprint.problem().get());
                continue;
            }
            Placement.Result result = placement.place(blueprint.demand());
            if (!result.placed()) {
                pending.add(result.pendingReason());
                continue;
            }
            NodeView node = nodes.get(result.node());
            steps.start(node, blueprint.imagesToPull(), blueprint.start(node, uniqueName(), revision));
            perNode.merge(node.name(), 1, Integer::sum);
            started++;
        }
        removeSurplus(alive, alive.size() + started - replicas, perNode);
        return pending;
    }

    private Optional<String> broken(ObservedPod pod) {
        if (!pod.alive()) {
            return Optional.of(pod.deathReason());
        }
        if (current(pod) && pod.containers().size() != blueprint.containerCount()) {
            return Optional.of("incomplete (" + pod.containers().size() + " of " + blueprint.containerCount()
                    + " containers)");
        }
        return Optional.empty();
    }

    private void removeSurplus(List<ObservedPod> alive, int surplus, Map<String, Integer> perNode) {
        List<ObservedPod> candidates = new ArrayList<>(alive);
        for (int i = 0; i < surplus; i++) {
            ObservedPod victim = candidates.stream().min(Comparator
                    .comparing(this::current)
                    .thenComparing(ObservedPod::running)
                    .thenComparing((ObservedPod pod) -> perNode.get(pod.node()), Comparator.reverseOrder())
                    .thenComparing(ObservedPod::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(ObservedPod::node)
                    .thenComparing(ObservedPod::name)).orElseThrow();
            steps.remove(victim, nodes.get(victim.node()), current(victim) ? "surplus" : "spec changed");
            candidates.remove(victim);
            perNode.merge(victim.node(), -1, Integer::sum);
        }
    }

    private boolean current(ObservedPod pod) {
        return pod.specHash().equals(blueprint.specHash());
    }

    private String uniqueName() {
        String name;
        do {
            name = blueprint.podName(names.suffix());
        } while (!taken.add(name));
        return name;
    }
}
