package dev.berth.exec;

import dev.berth.model.Deployment;
import dev.berth.model.ObservedPod;
import dev.berth.plan.Action;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Revision;
import dev.berth.state.ClusterEvent;
import dev.berth.state.StateRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Deployment's {@code ScalingReplicaSet} events, in the deployment controller's words: {@code Scaled up replica
 * set web-5d8c7f9b2a to 3 from 2}. A replica set is a Deployment's replicas of one template,
 * {@code <deployment>-<spec hash>}, the name its replicas start with. Pure.
 *
 * <ul>
 *     <li>A Deployment whose replicas are all of its current template is scaled when its {@code replicas} changed
 *     (a new one from 0); a replica replaced (dead, deleted, on a lost or drained node) scales nothing.</li>
 *     <li>A Deployment being rolled out (some of its replicas are of another template) moves its replica sets wave
 *     by wave: each wave (the steps up to the next start after a removal) moves each set by the replicas it started
 *     and removed, the sets that grew said before those that shrank, as a rollout reads.</li>
 * </ul>
 */
final class ScalingEvents {
    private static final String DEPLOYMENT = "Deployment";

    private ScalingEvents() {
    }

    /** @param before every replica as the run first observed it, dead ones included */
    static List<ClusterEvent> of(Convergence.Outcome outcome, List<ObservedPod> before, Instant now) {
        Map<String, Revision> current = outcome.plan().revisions();
        Set<String> rolling = new TreeSet<>();
        for (ObservedPod pod : before) {
            String key = pod.deployment() == null ? null : DesiredState.key(pod.namespace(), pod.deployment());
            if (key != null && current.containsKey(key) && pod.alive()
                    && !current.get(key).specHash().equals(pod.specHash())) {
                rolling.add(key);
            }
        }
        rolling.addAll(outcome.rolledBackTo().keySet());
        List<ClusterEvent> events = new ArrayList<>(resized(outcome, rolling, now));
        events.addAll(waves(before, outcome.steps(), rolling, now));
        return List.copyOf(events);
    }

    /** The Deployments not rolled out whose replicas the run's change set anew. */
    private static List<ClusterEvent> resized(Convergence.Outcome outcome, Set<String> rolling, Instant now) {
        Map<String, Integer> was = replicas(outcome.before());
        List<ClusterEvent> events = new ArrayList<>();
        replicas(outcome.after()).forEach((key, replicas) -> {
            int from = was.getOrDefault(key, 0);
            Revision revision = outcome.plan().revisions().get(key);
            if (rolling.contains(key) || from == replicas || revision == null) {
                return;
            }
            String name = key.substring(key.indexOf('/') + 1);
            events.add(scaled(key.substring(0, key.indexOf('/')), name + "-" + revision.specHash(), from, replicas,
                    now));
        });
        return events;
    }

    private static Map<String, Integer> replicas(StateRecord record) {
        Map<String, Integer> replicas = new LinkedHashMap<>();
        for (Deployment deployment : DesiredStates.of(DesiredStates.objects(record)).deployments()) {
            replicas.put(DesiredState.key(deployment), deployment.spec().replicas());
        }
        return replicas;
    }

    private static List<ClusterEvent> waves(List<ObservedPod> before, List<StepResult> steps, Set<String> rolling,
                                            Instant now) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (ObservedPod pod : before) {
            if (pod.deployment() != null && rolling.contains(DesiredState.key(pod.namespace(), pod.deployment()))) {
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
            if (action instanceof Action.RunContainer run && rolling.contains(run.deployment())) {
                String namespace = run.deployment().substring(0, run.deployment().indexOf('/'));
                if (started.add(namespace + "/" + run.pod())) {
                    wave.merge(namespace + "/" + replicaSet(run.pod()), 1, Integer::sum);
                }
            } else if (action instanceof Action.RemoveContainer remove) {
                Optional<ContainerName> name = ContainerName.parse(remove.name());
                if (name.isPresent() && rolling.contains(DesiredState.key(name.get().namespace(),
                        deployment(replicaSet(name.get().pod()))))
                        && removed.add(name.get().namespace() + "/" + name.get().pod())) {
                    wave.merge(name.get().namespace() + "/" + replicaSet(name.get().pod()), -1, Integer::sum);
                }
            }
        }
        close(wave, sizes, events, now);
        return events;
    }

    /** The wave's events, the sets that grew before those that shrank, and its sizes kept. */
    private static void close(Map<String, Integer> wave, Map<String, Integer> sizes, List<ClusterEvent> events,
                              Instant now) {
        for (boolean up : new boolean[] {true, false}) {
            wave.forEach((set, change) -> {
                if (change != 0 && change > 0 == up) {
                    int from = sizes.getOrDefault(set, 0);
                    int to = Math.max(0, from + change);
                    sizes.put(set, to);
                    events.add(scaled(set.substring(0, set.indexOf('/')), set.substring(set.indexOf('/') + 1), from,
                            to, now));
                }
            });
        }
        wave.clear();
    }

    private static ClusterEvent scaled(String namespace, String replicaSet, int from, int to, Instant now) {
        return ClusterEvent.of(ClusterEvent.NORMAL, "ScalingReplicaSet", DEPLOYMENT, namespace,
                deployment(replicaSet), "Scaled " + (to > from ? "up" : "down") + " replica set " + replicaSet + " to "
                        + to + " from " + from, "", now);
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
