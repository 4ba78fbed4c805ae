package dev.berth.cli.converge;

import dev.berth.error.ClusterException;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.ClusterPicture;
import dev.berth.exec.NodeObservation;
import dev.berth.model.ObservedPod;
import dev.berth.plan.Action;
import dev.berth.plan.DesiredState;
import dev.berth.plan.PodRemoval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code delete pod NAME...}: the replicas' containers removed from their nodes, as kubectl deletes a pod; their
 * Deployments then replace them, as a ReplicaSet does.
 *
 * @param actions     what removes them, node by node
 * @param deployments the Deployments ({@code namespace/name}) whose replicas go, to converge afterwards
 * @param pods        the names of the replicas found
 */
record PodDeletion(List<Action> actions, Set<String> deployments, List<String> pods) {

    static PodDeletion of(ClusterPicture picture, String namespace, List<String> names, boolean ignoreNotFound) {
        List<Action> actions = new ArrayList<>();
        Set<String> deployments = new TreeSet<>();
        List<String> found = new ArrayList<>();
        for (NodeObservation observation : picture.observed()) {
            if (!observation.ready()) {
                continue;
            }
            for (ObservedPod pod : ObservedPod.group(observation.node().name(),
                    observation.snapshot().containers())) {
                if (pod.namespace().equals(namespace) && names.contains(pod.name())) {
                    actions.addAll(PodRemoval.of(pod, observation.node().name(),
                            observation.snapshot().homeDirectory(), "deleted by berth delete pod"));
                    found.add(pod.name());
                    if (pod.deployment() != null) {
                        deployments.add(DesiredState.key(namespace, pod.deployment()));
                    }
                }
            }
        }
        List<String> missing = names.stream().filter(name -> !found.contains(name)).toList();
        if (!missing.isEmpty() && !ignoreNotFound) {
            boolean unread = picture.observed().stream().anyMatch(o -> !o.ready());
            String message = "pods \"" + String.join("\", \"", missing) + "\" not found in " + namespace
                    + " namespace";
            throw unread ? new ClusterException(message + " on the nodes that answered")
                    : new InvalidInputException(message);
        }
        return new PodDeletion(actions, deployments, found);
    }
}
