package dev.berth.exec;

import dev.berth.model.ObservedPod;
import dev.berth.plan.Action;
import dev.berth.state.ClusterEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Deployment's {@code ScalingReplicaSet} events, in the deployment controller's words: {@code Scaled up replica
 * set web-5d8c7f9b2a to 3 from 2}. A replica set is a Deployment's replicas of one template,
 * {@code <deployment>-<spec hash>}, the name its replicas start with. Each wave of the run (the steps up to the
 * next start after a removal) moves each replica set by the replicas it started and removed; a replica replaced
 * in the same wave (a dead one, or one moved off a drained node) leaves its size, and says nothing. A Deployment
 * deleted is not scaled. Pure.
 */
final class ScalingEvents {
    private ScalingEvents() {
    }

    /**
     * @param before every replica as the run first observed it, dead ones included
     * @param steps  the run's steps in the order they were carried out, wave after wave
     */
    static List<ClusterEvent> of(List<ObservedPod> before, List<StepResult> steps, Instant now) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (ObservedPod pod : before) {
            if (pod.deployment() != null) {
                sizes.merge(pod.namespace() + "/" + replicaSet(pod.name()), 1, Integer::sum);
            }
        }
        List<ClusterEvent> events = new ArrayList<>();
        Map<String, Integer> wave = new LinkedHashMap<>();
        Set<String> started = new HashSet<>();
        Set<String> removed = new HashSet<>();
        boolean removing = false;
        for (StepResult step : steps) {
            Action action = step.action();
            boolean adds = !(action instanceof Action.RemoveContainer || action instanceof Action.CleanUpPod);
            if (adds && removing && !(action instanceof Action.RestartContainer)) {
                close(wave, sizes, events, now);
                removing = false;
            }
            removing |= !adds;
            if (step.outcome() != StepResult.Outcome.DONE) {
                continue;
            }
            if (action instanceof Action.RunContainer run) {
                String namespace = run.deployment().substring(0, run.deployment().indexOf('/'));
                if (started.add(namespace + "/" + run.pod())) {
                    wave.merge(namespace + "/" + replicaSet(run.pod()), 1, Integer::sum);
                }
            } else if (action instanceof Action.RemoveContainer remove && !remove.reason().equals("deployment deleted")) {
                Optional<ContainerName> name = ContainerName.parse(remove.name());
                if (name.isPresent() && removed.add(name.get().namespace() + "/" + name.get().pod())) {
                    wave.merge(name.get().namespace() + "/" + replicaSet(name.get().pod()), -1, Integer::sum);
                }
            }
        }
        close(wave, sizes, events, now);
        return List.copyOf(events);
    }

    /** The wave's events, the sets that grew before those that shrank (as a rollout reads), and its sizes kept. */
    private static void close(Map<String, Integer> wave, Map<String, Integer> sizes, List<ClusterEvent> events,
                              Instant now) {
        for (boolean up : new boolean[] {true, false}) {
            wave.forEach((set, change) -> {
                if (change != 0 && change > 0 == up) {
                    int from = sizes.getOrDefault(set, 0);
                    int to = Math.max(0, from + change);
                    sizes.put(set, to);
                    String namespace = set.substring(0, set.indexOf('/'));
                    String name = set.substring(set.indexOf('/') + 1);
                    events.add(ClusterEvent.of(ClusterEvent.NORMAL, "ScalingReplicaSet", "Deployment", namespace,
                            deployment(name), "Scaled " + (up ? "up" : "down") + " replica set " + name + " to " + to
                                    + " from " + from, "", now));
                }
            });
        }
        wave.clear();
    }

    /** {@code web-5d8c7f9b2a} of the replica {@code web-5d8c7f9b2a-x7k2p}. */
    static String replicaSet(String pod) {
        int dash = pod.lastIndexOf('-');
        return dash <= 0 ? pod : pod.substring(0, dash);
    }

    /** {@code web} of the replica set {@code web-5d8c7f9b2a}. */
    static String deployment(String replicaSet) {
        return replicaSet(replicaSet);
    }
}
