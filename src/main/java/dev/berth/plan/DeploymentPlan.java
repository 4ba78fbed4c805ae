package dev.berth.plan;

import dev.berth.model.Deployment;
import dev.berth.model.ObservedPod;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan of one Deployment for one step. Dead replicas are removed; with every alive replica at the current
 * template, missing ones are placed and surplus ones removed. With replicas of an older template alive, the
 * step is one wave of the rollout: for {@code RollingUpdate} the counts of {@link RolloutWave}, for
 * {@code Recreate} every old replica removed now and new ones started only in a later step, once none is
 * left. When a rollout begins, the new images are first pulled on every node that could run a new replica,
 * so that a wrong tag fails before anything is stopped. A paused Deployment in the middle of a rollout keeps
 * its replicas as they are, only replacing dead ones of the current template.
 *
 * <p>Replicas on a draining node leave the Deployment's count: replacements start elsewhere, and the draining
 * ones are removed as the replacements become available, so that the Deployment never has fewer available
 * replicas than it had or asks for (one that is not available leaves at once). A replacement with nowhere to
 * go is Pending, and the replica it would replace stays: so does one whose claim's data stays on the draining
 * node. While a claim's data is being moved, every replica that mounts it is removed and none is started.
 *
 * <p>Replicas to remove are chosen in this order: an old template first, then one not available, then one
 * not running (restarting or paused), then one on the node with the most replicas of the Deployment, then the
 * newest, then by node and name.
 */
final class DeploymentPlan {
    private final PodBlueprint blueprint;
    private final long revision;
    private final Deployment.Spec spec;
    private final Instant observedAt;
    private final Map<String, NodeView> nodes;
    private final Placement placement;
    private final PodNames names;
    private final Set<String> taken;
    private final Steps steps;
    private final Map<String, Integer> perNode = new HashMap<>();
    private final List<String> pending = new ArrayList<>();
    private final Set<String> removed = new HashSet<>();

    DeploymentPlan(PodBlueprint blueprint, long revision, Deployment.Spec spec, Instant observedAt,
                   Map<String, NodeView> nodes, Placement placement, PodNames names, Set<String> taken, Steps steps) {
        this.blueprint = blueprint;
        this.revision = revision;
        this.spec = spec;
        this.observedAt = observedAt;
        this.nodes = nodes;
        this.placement = placement;
        this.names = names;
        this.taken = taken;
        this.steps = steps;
    }

    /** What the step found and could not do: why replicas are pending, and how far the rollout has come. */
    record Outcome(List<String> pending, RolloutProgress progress) {
    }

    /** Plans the Deployment ({@code key}) given its replicas on reachable nodes. */
    Outcome plan(String key, List<ObservedPod> pods) {
        Optional<String> held = placement.held(blueprint.demand());
        if (held.isPresent()) {
            pods.forEach(pod -> remove(pod, held.get()));
            for (int i = 0; i < spec.replicas(); i++) {
                pending.add(held.get());
            }
            return new Outcome(pending, progress(key, pods, List.of(), List.of()));
        }
        boolean holding = spec.paused() && pods.stream().anyMatch(pod -> !current(pod) && pod.alive());
        List<ObservedPod> alive = new ArrayList<>();
        List<ObservedPod> leaving = new ArrayList<>();
        int deadCurrent = 0;
        for (ObservedPod pod : pods) {
            Optional<String> broken = broken(pod);
            if (broken.isEmpty()) {
                (nodes.get(pod.node()).draining() ? leaving : alive).add(pod);
            } else if (!holding || current(pod)) {
                remove(pod, broken.get());
                deadCurrent += current(pod) ? 1 : 0;
            }
        }
        alive.forEach(pod -> perNode.merge(pod.node(), 1, Integer::sum));
        List<ObservedPod> old = alive.stream().filter(pod -> !current(pod)).toList();
        List<ObservedPod> fresh = alive.stream().filter(this::current).toList();
        RolloutProgress progress = progress(key, pods, old, fresh);
        int replicas = spec.replicas();
        if (old.isEmpty() || blueprint.problem().isPresent()) {
            int started = start(replicas - fresh.size());
            remove(alive, alive.size() + started - replicas);
        } else if (holding) {
            start(Math.min(deadCurrent + leaving.size(), replicas - fresh.size()));
        } else if (RolloutLimits.recreates(spec)) {
            remove(old, old.size());
            prePull(pods);
        } else if (rollingWave(old, fresh) > 0) {
            prePull(pods);
        }
        drain(leaving, (int) alive.stream().filter(pod -> !removed.contains(pod.name())).filter(this::available)
                .count());
        return new Outcome(pending, progress);
    }

    /**
     * Removes the replicas on draining nodes that can go now: those not available at once, and of the available
     * ones as many as the {@code availableElsewhere} replicas that stay let go without the Deployment falling
     * below its count.
     */
    private void drain(List<ObservedPod> leaving, int availableElsewhere) {
        List<ObservedPod> serving = new ArrayList<>();
        for (ObservedPod pod : leaving) {
            if (available(pod)) {
                serving.add(pod);
            } else {
                remove(pod, "node drained");
            }
        }
        int spare = availableElsewhere + serving.size() - spec.replicas();
        serving.stream().sorted(Comparator.comparing(ObservedPod::node).thenComparing(ObservedPod::name))
                .limit(Math.max(0, spare)).forEach(pod -> remove(pod, "node drained"));
    }

    private void remove(ObservedPod pod, String reason) {
        steps.remove(pod, nodes.get(pod.node()), reason);
        removed.add(pod.name());
    }

    /**
     * One wave of a rolling update: new replicas started and old ones removed by the counts of
     * {@link RolloutWave} (new ones beyond the desired count go too); returns how many replicas it starts or
     * removes.
     */
    private int rollingWave(List<ObservedPod> old, List<ObservedPod> fresh) {
        int replicas = spec.replicas();
        RolloutWave wave = RolloutWave.next(replicas, RolloutLimits.of(spec), new RolloutWave.Counts(old.size(),
                count(old), Math.min(fresh.size(), replicas), Math.min(count(fresh), replicas)));
        return start(wave.newToStart()) + remove(fresh, fresh.size() - replicas)
                + remove(old.stream().filter(pod -> !available(pod)).toList(), wave.unavailableToRemove())
                + remove(old.stream().filter(this::available).toList(), wave.availableToRemove());
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

    /** Starts up to {@code count} replicas of the current template; returns how many could be placed. */
    private int start(int count) {
        int started = 0;
        for (int i = 0; i < count; i++) {
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
        return started;
    }

    /**
     * In the step that begins a rollout (no replica of the new template exists yet, and the step starts or
     * removes one), pulls the new images first. A step that can do nothing else pulls nothing, so that a
     * rollout waiting for room is seen to wait.
     */
    private void prePull(List<ObservedPod> pods) {
        if (spec.replicas() == 0 || pods.stream().anyMatch(this::current)) {
            return;
        }
        nodes.values().stream().sorted(Comparator.comparing(NodeView::name))
                .filter(node -> node.reachable() && !node.cordoned()
                        && Placement.selects(blueprint.demand().nodeSelector(), node))
                .forEach(node -> blueprint.prePulls(node).forEach(steps::pull));
    }

    /** Removes up to {@code count} of the replicas {@code from}; returns how many. */
    private int remove(List<ObservedPod> from, int count) {
        List<ObservedPod> candidates = new ArrayList<>(from);
        int removed = 0;
        for (; removed < count && !candidates.isEmpty(); removed++) {
            ObservedPod victim = candidates.stream().min(Comparator
                    .comparing(this::current)
                    .thenComparing(this::available)
                    .thenComparing(ObservedPod::running)
                    .thenComparing((ObservedPod pod) -> perNode.get(pod.node()), Comparator.reverseOrder())
                    .thenComparing(ObservedPod::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(ObservedPod::node)
                    .thenComparing(ObservedPod::name)).orElseThrow();
            remove(victim, current(victim) ? "surplus" : "spec changed");
            candidates.remove(victim);
            perNode.merge(victim.node(), -1, Integer::sum);
        }
        return removed;
    }

    private RolloutProgress progress(String key, List<ObservedPod> pods, List<ObservedPod> old,
                                     List<ObservedPod> fresh) {
        int replicas = spec.replicas();
        int available = count(old) + count(fresh);
        boolean complete = pods.size() == replicas && fresh.size() == replicas && count(fresh) == replicas;
        return new RolloutProgress(key, revision, replicas, fresh.size(), available, old.size() + fresh.size(),
                spec.paused(), complete);
    }

    private int count(List<ObservedPod> pods) {
        return (int) pods.stream().filter(this::available).count();
    }

    private boolean available(ObservedPod pod) {
        return pod.available(spec.minReadySeconds(), observedAt);
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
