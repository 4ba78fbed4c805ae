package dev.berth.cli.attach;

import dev.berth.cli.observe.PodFilter;
import dev.berth.error.ClusterException;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.ClusterObserver;
import dev.berth.exec.NodeObservation;
import dev.berth.model.ObservedPod;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The containers logs and exec are about: of the pod named, of the replicas of the Deployment named, or of the
 * pods the selector picks, in the namespace (or all), found by asking every node once.
 */
final class PodSelection {
    private final Optional<PodReference> reference;
    private final PodFilter filter;
    private final String container;
    private final boolean allContainers;

    PodSelection(Optional<PodReference> reference, PodFilter filter, String container, boolean allContainers) {
        this.reference = reference;
        this.filter = filter;
        this.container = container;
        this.allContainers = allContainers;
    }

    /**
     * What was found, and the nodes that did not answer (their replicas are not among them).
     *
     * @param pods the replicas, sorted by namespace and name
     */
    record Found(List<ObservedPod> pods, List<PodContainer> containers, List<String> notes, Set<String> silent) {
    }

    /**
     * The first look: warns on {@code err} of the nodes that did not answer and of defaulted containers, and fails
     * when the pod named is nowhere to be found.
     */
    Found first(ClusterAccess access, PrintWriter err) {
        Found found = find(access, err);
        found.notes().forEach(err::println);
        err.flush();
        if (found.pods().isEmpty() && reference.isPresent()) {
            PodReference named = reference.get();
            String what = named.deployment() ? "no replicas of " + named.display() + " found" + where()
                    : "pods \"" + named.name() + "\" not found" + where();
            if (!found.silent().isEmpty()) {
                throw new ClusterException(what + " on the nodes that answered (not: "
                        + String.join(", ", found.silent()) + ")");
            }
            throw new InvalidInputException(what);
        }
        return found;
    }

    /** A later look, while following: nothing is said, an empty answer is an answer. */
    Found find(ClusterAccess access) {
        return find(access, null);
    }

    private Found find(ClusterAccess access, PrintWriter err) {
        List<NodeObservation> observations = new ClusterObserver(access).observe();
        Set<String> silent = new LinkedHashSet<>();
        List<ObservedPod> pods = new ArrayList<>();
        for (NodeObservation observation : observations) {
            if (observation.snapshot() == null) {
                silent.add(observation.node().name());
                if (err != null) {
                    err.println("warning: " + observation.status().display() + ": " + observation.reason());
                }
                continue;
            }
            ObservedPod.group(observation.node().name(), observation.snapshot().containers()).stream()
                    .filter(filter::matches).filter(this::named).forEach(pods::add);
        }
        pods.sort(Comparator.comparing(ObservedPod::namespace).thenComparing(ObservedPod::name));
        ContainerChoice choice = ContainerChoice.of(pods, container, allContainers);
        return new Found(List.copyOf(pods), choice.containers(), choice.notes(), Set.copyOf(silent));
    }

    private boolean named(ObservedPod pod) {
        return reference.map(named -> named.deployment() ? named.name().equals(pod.deployment())
                : named.name().equals(pod.name())).orElse(true);
    }

    String where() {
        return filter.where();
    }
}
