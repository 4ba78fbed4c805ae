package dev.berth.plan;

import dev.berth.model.ObservedPod;

import java.util.ArrayList;
import java.util.List;

/** The actions that remove a replica from its node: every container, then its files and scratch volumes. */
public final class PodRemoval {

    private PodRemoval() {
    }

    /** The removals of {@code pod} on {@code node}, whose berth files live under {@code homeDirectory}. */
    public static List<Action> of(ObservedPod pod, String node, String homeDirectory, String reason) {
        List<Action> actions = new ArrayList<>();
        pod.containers().forEach(c -> actions.add(new Action.RemoveContainer(node, c.id(), c.name(), reason)));
        actions.addAll(cleanUp(pod, node, homeDirectory));
        return actions;
    }

    /** The clean-up of a replica's files; none when its names could leave the pods' directory. */
    static List<Action> cleanUp(ObservedPod pod, String node, String homeDirectory) {
        if (RelativePath.safe(pod.namespace()) && RelativePath.safe(pod.name()) && !pod.name().contains("/")
                && !pod.namespace().contains("/")) {
            Layout layout = new Layout(homeDirectory, pod.namespace(), pod.name());
            return List.of(new Action.CleanUpPod(node, pod.name(), layout.podDirectory()));
        }
        return List.of();
    }
}
