package dev.berth.cli.observe;

import dev.berth.exec.RunEvents;
import dev.berth.model.ObjectMeta;
import dev.berth.model.ObservedPod;
import dev.berth.plan.Action;
import dev.berth.plan.Plan;
import dev.berth.state.ClusterEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The replicas whose start failed because their image could not be pulled: docker made no container of them, so
 * no node shows them, but the plan still wants to start them and the run that tried recorded why. They are shown
 * as {@code ErrImagePull}, kubectl's word, under the name they were started by, on the node they were to run on.
 * Pure.
 */
final class PullFailures {

    private PullFailures() {
    }

    /** Whether the plan starts a replica of the current template: only then can a start have failed on a pull. */
    static boolean possible(Plan plan) {
        return plan.actions().stream().anyMatch(Action.RunContainer.class::isInstance);
    }

    /**
     * For each Deployment whose replicas of the current template the plan starts, as many of the replicas (of that
     * template, not running now) whose last start failed on a pull as the plan starts, the newest of them; in
     * namespace and name order.
     *
     * @param running every replica the nodes run
     * @param labels  the pod labels of each Deployment ({@code namespace/name})
     */
    static List<PendingPod> of(Plan plan, List<ObservedPod> running, List<ClusterEvent> events,
                               Map<String, Map<String, String>> labels) {
        Map<String, Set<String>> starting = new LinkedHashMap<>();
        Map<String, Map<String, String>> images = new LinkedHashMap<>();
        for (Action action : plan.actions()) {
            if (action instanceof Action.RunContainer run) {
                String replicaSet = run.deployment().substring(0, run.deployment().indexOf('/') + 1)
                        + replicaSet(run.pod());
                starting.computeIfAbsent(replicaSet, key -> new LinkedHashSet<>()).add(run.pod());
                String container = run.container().substring(run.container().lastIndexOf('_') + 1);
                images.computeIfAbsent(run.deployment(), key -> new LinkedHashMap<>()).put(container, run.image());
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        running.forEach(pod -> seen.add(pod.namespace() + "/" + pod.name()));
        List<PendingPod> pods = new ArrayList<>();
        Map<String, Integer> shown = new LinkedHashMap<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            ClusterEvent event = events.get(i);
            String key = event.namespace() + "/" + event.name();
            String replicaSet = event.namespace() + "/" + replicaSet(event.name());
            if (!event.kind().equals("Pod") || !event.message().equals(RunEvents.ERR_IMAGE_PULL)
                    || !starting.containsKey(replicaSet) || !seen.add(key)
                    || shown.getOrDefault(replicaSet, 0) >= starting.get(replicaSet).size()) {
                continue;
            }
            shown.merge(replicaSet, 1, Integer::sum);
            String deployment = replicaSet(replicaSet(event.name()));
            String identity = (event.namespace().isEmpty() ? ObjectMeta.DEFAULT_NAMESPACE : event.namespace()) + "/"
                    + deployment;
            Map<String, String> containers = images.getOrDefault(identity, Map.of());
            pods.add(new PendingPod(event.namespace(), event.name(), deployment, Math.max(1, containers.size()),
                    labels.getOrDefault(identity, Map.of()), reason(events, event), PendingPod.ERR_IMAGE_PULL,
                    event.node(), containers));
        }
        return pods.stream().sorted(Comparator.comparing(PendingPod::namespace).thenComparing(PendingPod::name))
                .toList();
    }

    /** Why the pull failed: the newest {@code Failed to pull image} event of the same pod, else ErrImagePull. */
    private static String reason(List<ClusterEvent> events, ClusterEvent failed) {
        for (int i = events.size() - 1; i >= 0; i--) {
            ClusterEvent event = events.get(i);
            if (event.about("Pod", failed.namespace(), failed.name())
                    && event.message().startsWith(RunEvents.PULL_FAILED)) {
                return event.message();
            }
        }
        return failed.message();
    }

    private static String replicaSet(String pod) {
        int dash = pod.lastIndexOf('-');
        return dash <= 0 ? pod : pod.substring(0, dash);
    }
}
