package dev.berth.plan;

import dev.berth.model.BerthLabels;
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
        return List.copyOf(cleanUp(pod.namespace(), pod.name(), node, homeDirectory));
    }

    /**
     * The clean-up of the files of the replicas on {@code node} that have a directory of files and no container
     * left: a start that failed after its files were written, or a run killed between the two. Their env files and
     * mounted Secret files go with them. Only those of the Deployments in {@code scope}: a run about one team's
     * objects leaves another's leftovers to that team's runs and to {@code reconcile}.
     */
    static List<Action> orphans(NodeView node, Scope scope) {
        List<Action> actions = new ArrayList<>();
        for (String directory : node.podDirectories()) {
            String[] parts = directory.split("/", 2);
            if (parts.length == 2 && scope.covers(DesiredState.key(parts[0], deployment(parts[1])))
                    && node.containers().stream().noneMatch(c -> parts[1].equals(
                    c.label(BerthLabels.POD)) && parts[0].equals(c.label(BerthLabels.NAMESPACE)))) {
                cleanUp(parts[0], parts[1], node.name(), node.homeDirectory()).forEach(cleanUp -> actions.add(
                        new Action.CleanUpPod(cleanUp.node(), cleanUp.pod(), cleanUp.directory(), true)));
            }
        }
        return actions;
    }

    /** The Deployment a replica's name {@code <deployment>-<spec hash>-<suffix>} belongs to. */
    private static String deployment(String pod) {
        return pod.replaceFirst("-[^-]+-[^-]+$", "");
    }

    private static List<Action.CleanUpPod> cleanUp(String namespace, String pod, String node, String homeDirectory) {
        if (RelativePath.safe(namespace) && RelativePath.safe(pod) && !pod.contains("/") && !namespace.contains("/")
                && !pod.isEmpty() && !namespace.isEmpty()) {
            Layout layout = new Layout(homeDirectory, namespace, pod);
            return List.of(new Action.CleanUpPod(node, pod, layout.podDirectory()));
        }
        return List.of();
    }
}
