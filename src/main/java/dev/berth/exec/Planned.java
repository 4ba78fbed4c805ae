package dev.berth.exec;

import dev.berth.exec.probe.LivenessFailure;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import dev.berth.plan.Action;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One observation of the cluster and the plan made from it: the desired state the record held, every node as
 * observed (its containers' health from their probes), the plan, and the containers whose liveness probe failed.
 */
record Planned(DesiredState desired, List<NodeObservation> observed, Plan plan,
               List<LivenessFailure> livenessFailures) {
    Planned {
        observed = List.copyOf(observed);
        livenessFailures = List.copyOf(livenessFailures);
    }

    /** What to carry out: a restart of each container whose liveness probe failed, then the plan's actions. */
    List<Action> steps() {
        List<Action> steps = new ArrayList<>();
        livenessFailures.forEach(f -> steps.add(new Action.RestartContainer(f.node(), f.containerId(), f.name(),
                f.reason())));
        steps.addAll(plan.actions());
        return List.copyOf(steps);
    }

    /** The replicas on the nodes that answered. */
    static List<ObservedPod> pods(Planned planned) {
        return planned.observed().stream().filter(NodeObservation::ready)
                .flatMap(o -> ObservedPod.group(o.node().name(), o.snapshot().containers()).stream()).toList();
    }

    /** The replicas of {@code deployment} ({@code namespace/name}) on the nodes that answered. */
    static List<ObservedPod> pods(Planned planned, String deployment) {
        return pods(planned).stream()
                .filter(pod -> deployment.equals(DesiredState.key(pod.namespace(), pod.deployment()))).toList();
    }

    /**
     * The replicas still on the {@code draining} nodes once this plan is carried out, of the Deployments none of
     * whose replicas is Pending (a replacement with nowhere to go ends the wait: its replica stays), as
     * {@code waiting for ...: node-2 still runs ns/web-abc12, ...}; empty when nothing else is left.
     */
    String leftOn(Set<String> draining) {
        Set<String> removed = Plan.removedContainers(plan.actions());
        Set<String> blocked = new HashSet<>();
        plan.pending().forEach(pending -> blocked.add(pending.deployment()));
        Map<String, List<String>> left = new TreeMap<>();
        for (ObservedPod pod : pods(this)) {
            if (draining.contains(pod.node()) && pod.deployment() != null
                    && !blocked.contains(DesiredState.key(pod.namespace(), pod.deployment()))
                    && pod.containers().stream().anyMatch(c -> !removed.contains(c.id()))) {
                left.computeIfAbsent(pod.node(), node -> new ArrayList<>()).add(pod.namespace() + "/" + pod.name());
            }
        }
        List<String> still = new ArrayList<>();
        left.forEach((node, pods) -> still.add(node + " still runs " + String.join(", ", pods)));
        return still.isEmpty() ? "" : "waiting for replacements to be available: " + String.join("; ", still);
    }

    /** Whether the plan starts or removes a replica of {@code deployment}: its rollout moves on. */
    boolean moves(String deployment) {
        List<String> ids = pods(this, deployment).stream()
                .flatMap(pod -> pod.containers().stream().map(ObservedContainer::id)).toList();
        return plan.actions().stream().anyMatch(action -> action instanceof Action.RunContainer run
                && run.deployment().equals(deployment)
                || action instanceof Action.RemoveContainer remove && ids.contains(remove.containerId()));
    }

    /**
     * The Deployment ({@code namespace/name}) a step starts a replica of, or pulls an image for: of the
     * Deployments being rolled out, the first whose template uses the image.
     */
    Optional<String> deploymentOf(Action action) {
        if (action instanceof Action.RunContainer run) {
            return Optional.of(run.deployment());
        }
        if (action instanceof Action.PullImage pull) {
            return desired.deployments().stream()
                    .filter(d -> d.spec().template().spec().containers().stream()
                            .anyMatch(c -> c.image().equals(pull.image())))
                    .map(DesiredState::key)
                    .filter(key -> plan.rollouts().containsKey(key) && !plan.rollouts().get(key).complete())
                    .findFirst();
        }
        return Optional.empty();
    }
}
