package dev.berth.exec;

import dev.berth.model.BerthLabels;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import dev.berth.plan.Action;
import dev.berth.plan.PendingReplica;
import dev.berth.plan.Revision;
import dev.berth.state.ClusterEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one converging run did and saw, as the cluster's events: the events of its steps ({@link StepEvents}),
 * the replica sets it scaled ({@link ScalingEvents}), the probes it saw failing ({@code Unhealthy}), the replicas
 * it could not place ({@code FailedScheduling}, with the Pending reason), the rollouts that failed and were rolled
 * back ({@code RolledBack}), and the nodes it drained ({@code Drained}). A run that did nothing and saw nothing
 * wrong has no events. Pure: from the run's outcome to events, no I/O.
 */
public final class RunEvents {
    /** The message of the event that says a replica's start failed on its image: kubelet's words. */
    public static final String ERR_IMAGE_PULL = "Error: ErrImagePull";
    /** How the message that says why an image could not be pulled begins: {@code Failed to pull image "IMAGE": ...}. */
    public static final String PULL_FAILED = "Failed to pull image ";
    private static final String DEPLOYMENT = "Deployment";

    private RunEvents() {
    }

    /**
     * @param before   the nodes as the run first observed them
     * @param outcome  what the run came to
     * @param draining the nodes the run emptied ({@code drain})
     */
    public static List<ClusterEvent> of(List<NodeObservation> before, Convergence.Outcome outcome,
                                        Set<String> draining, Instant now) {
        List<ClusterEvent> events = new ArrayList<>(StepEvents.of(outcome.steps(), now));
        events.addAll(ScalingEvents.of(outcome, pods(before), now));
        List<ClusterEvent> seen = new ArrayList<>();
        unhealthy(before, now, seen);
        unhealthy(outcome.observed(), now, seen);
        seen.stream().filter(event -> events.stream().noneMatch(event::sameAs)).distinct().forEach(events::add);
        pending(outcome, now, events);
        rollouts(outcome, now, events);
        drained(outcome, draining, now, events);
        return List.copyOf(events);
    }

    private static List<ObservedPod> pods(List<NodeObservation> observed) {
        return observed.stream().filter(o -> o.ready() && o.snapshot() != null)
                .flatMap(o -> ObservedPod.group(o.node().name(), o.snapshot().containers()).stream()).toList();
    }

    /**
     * Each container Docker keeps restarting ({@code BackOff}), and each running container whose probe failed,
     * with what the probe saw ({@code Unhealthy}); once per run. A container that goes on failing is the same
     * event again, counted by the cluster's events, not a new one.
     */
    private static void unhealthy(List<NodeObservation> observed, Instant now, List<ClusterEvent> events) {
        for (ObservedPod pod : pods(observed)) {
            for (ObservedContainer container : pod.containers()) {
                if (container.status().equals("restarting")) {
                    add(events, ClusterEvent.of(ClusterEvent.WARNING, "BackOff", StepEvents.POD, pod.namespace(),
                            pod.name(), "Back-off restarting failed container " + containerName(container)
                                    + " (exit code " + container.exitCode() + ")", pod.node(), now));
                }
                String detail = container.healthDetail();
                if (detail == null || !container.running()) {
                    continue;
                }
                String message = null;
                if (detail.startsWith("startup probe: ") && "unhealthy".equals(container.health())) {
                    message = "Startup probe failed: " + detail.substring("startup probe: ".length());
                } else if (detail.startsWith("liveness probe: ")) {
                    message = "Liveness probe failed: " + detail.substring("liveness probe: ".length());
                } else if ("unhealthy".equals(container.health())) {
                    message = "Readiness probe failed: " + detail;
                }
                if (message != null) {
                    add(events, ClusterEvent.of(ClusterEvent.WARNING, "Unhealthy", StepEvents.POD, pod.namespace(),
                            pod.name(), message, pod.node(), now));
                }
            }
        }
    }

    private static void add(List<ClusterEvent> events, ClusterEvent event) {
        if (events.stream().noneMatch(event::sameAs)) {
            events.add(event);
        }
    }

    private static String containerName(ObservedContainer container) {
        String label = container.label(BerthLabels.CONTAINER);
        return label != null ? label : ContainerName.parse(container.name()).map(ContainerName::container)
                .orElse(container.name());
    }

    /** A replica no node could take, under the name {@code get pods} shows it by. */
    private static void pending(Convergence.Outcome outcome, Instant now, List<ClusterEvent> events) {
        Map<String, Integer> numbered = new LinkedHashMap<>();
        for (PendingReplica replica : outcome.plan().pending()) {
            int number = numbered.merge(replica.deployment(), 1, Integer::sum);
            String namespace = replica.deployment().substring(0, replica.deployment().indexOf('/'));
            String name = replica.deployment().substring(replica.deployment().indexOf('/') + 1);
            Revision revision = outcome.plan().revisions().get(replica.deployment());
            String pod = PendingReplica.podName(name, revision == null ? "unknown" : revision.specHash(), number);
            events.add(ClusterEvent.of(ClusterEvent.WARNING, "FailedScheduling", StepEvents.POD, namespace, pod,
                    replica.reason(), "", now));
        }
    }

    private static void rollouts(Convergence.Outcome outcome, Instant now, List<ClusterEvent> events) {
        for (RolloutFailure failure : outcome.failures()) {
            String namespace = failure.deployment().substring(0, failure.deployment().indexOf('/'));
            String name = failure.deployment().substring(failure.deployment().indexOf('/') + 1);
            String failed = "revision " + failure.revision() + " failed: " + failure.reason();
            Long back = outcome.rolledBackTo().get(failure.deployment());
            if (back != null && back != failure.revision()) {
                events.add(ClusterEvent.of(ClusterEvent.WARNING, "RolledBack", DEPLOYMENT, namespace, name,
                        "Rolled back deployment \"" + name + "\" to revision " + back + ": " + failed, "", now));
            } else {
                events.add(ClusterEvent.of(ClusterEvent.WARNING, "Failed", DEPLOYMENT, namespace, name,
                        "Rollout of " + failed + (outcome.paused().contains(failure.deployment())
                                ? "; paused (--no-auto-rollback)" : ""), "", now));
            }
        }
    }

    /** A node emptied: its replicas started elsewhere and removed from it; or why it could not be. */
    private static void drained(Convergence.Outcome outcome, Set<String> draining, Instant now,
                                List<ClusterEvent> events) {
        for (String node : draining) {
            long evicted = outcome.steps().stream()
                    .filter(step -> step.outcome() == StepResult.Outcome.DONE
                            && step.action() instanceof Action.RemoveContainer remove && remove.node().equals(node)
                            && remove.reason().equals("node drained"))
                    .map(step -> ContainerName.parse(((Action.RemoveContainer) step.action()).name())
                            .map(ContainerName::pod).orElse(""))
                    .distinct().count();
            boolean failed = outcome.steps().stream().anyMatch(StepResult::failed);
            boolean timedOut = outcome.waited().asked() && !outcome.waited().ready();
            if (failed || timedOut || !outcome.plan().pending().isEmpty()) {
                String why = failed ? "a step failed" : !outcome.plan().pending().isEmpty() ? "replicas are Pending: "
                        + outcome.plan().pending().get(0).reason() : "timed out: " + outcome.waited().missing();
                events.add(ClusterEvent.of(ClusterEvent.WARNING, "Failed", StepEvents.NODE, "", node,
                        "Failed to drain node " + node + ": " + why + "; its replicas stay", node, now));
            } else {
                events.add(ClusterEvent.of(ClusterEvent.NORMAL, "Drained", StepEvents.NODE, "", node,
                        "Drained node " + node + ": " + evicted + (evicted == 1 ? " replica" : " replicas")
                                + " moved to other nodes", node, now));
            }
        }
    }
}
