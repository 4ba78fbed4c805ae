package dev.berth.cli.observe;

import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.ClusterPicture;
import dev.berth.exec.NodeObservation;
import dev.berth.model.ObservedPod;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the observing verbs share: pods of all answering nodes, and the report of nodes that did not answer. */
final class NodeReports {

    private NodeReports() {
    }

    /** Pods of every node that answered, sorted by namespace and name, filtered. */
    static List<ObservedPod> pods(List<NodeObservation> observations, PodFilter filter) {
        List<ObservedPod> pods = new ArrayList<>();
        for (NodeObservation observation : observations) {
            if (observation.snapshot() != null) {
                pods.addAll(ObservedPod.group(observation.node().name(), observation.snapshot().containers()));
            }
        }
        return pods.stream().filter(filter::matches)
                .sorted(Comparator.comparing(ObservedPod::namespace).thenComparing(ObservedPod::name))
                .toList();
    }

    /** Fails when a named object was not found among those that answered. */
    static void requireFound(List<String> wanted, List<String> found, String kind) {
        List<String> missing = wanted.stream().filter(name -> !found.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(kind + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + " not found");
        }
    }

    /**
     * Warns when the desired state stored on the cluster could not be read: what runs is shown, but not the
     * replicas that should run and cannot. Exit 3 then, since the picture is incomplete.
     */
    static int warnUnread(ClusterPicture picture, PrintWriter err) {
        if (picture.recordRead()) {
            return ExitCode.OK.code();
        }
        err.println("warning: the desired state stored on the cluster could not be read, so Pending replicas are "
                + "not shown: " + picture.recordProblem());
        err.flush();
        return ExitCode.NOT_CONVERGED.code();
    }

    /** Warns of every node that did not answer; exit 3 when any did not, since the picture is incomplete. */
    static int warnUnready(List<NodeObservation> observations, PrintWriter err) {
        List<NodeObservation> unready = observations.stream().filter(o -> !o.ready()).toList();
        unready.forEach(o -> err.println("warning: " + o.status().display() + ": " + o.reason()));
        err.flush();
        return unready.isEmpty() ? ExitCode.OK.code() : ExitCode.NOT_CONVERGED.code();
    }
}
