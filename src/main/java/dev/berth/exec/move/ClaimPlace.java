package dev.berth.exec.move;

import dev.berth.error.ClusterException;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.ClusterObserver;
import dev.berth.exec.DesiredStates;
import dev.berth.exec.NodeObservation;
import dev.berth.model.Cluster;
import dev.berth.model.Deployment;
import dev.berth.model.PersistentVolumeClaim;
import dev.berth.plan.DesiredState;
import dev.berth.state.ClaimBinding;
import dev.berth.state.StateRecord;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where a claim's data is before a move, and what mounts it; a request that cannot be carried out is refused
 * here, before anything is touched.
 *
 * @param source the node whose volume is the claim's data
 * @param users  the Deployments of the desired state that mount the claim
 * @param observed every node as observed to find the data
 */
record ClaimPlace(PersistentVolumeClaim claim, String source, List<Deployment> users,
                  List<NodeObservation> observed) {

    static ClaimPlace of(StateRecord record, VolumeMove.Request request, ClusterAccess access) {
        DesiredState desired = DesiredStates.of(DesiredStates.objects(record));
        PersistentVolumeClaim claim = desired.claims().stream()
                .filter(c -> request.namespace().equals(c.metadata().namespace())
                        && request.claim().equals(c.metadata().name())).findFirst()
                .orElseThrow(() -> new InvalidInputException("persistentvolumeclaims \"" + request.claim()
                        + "\" not found in namespace " + request.namespace()));
        List<String> names = access.cluster().spec().nodes().stream().map(Cluster.Node::name).toList();
        if (!names.contains(request.target())) {
            throw new InvalidInputException("no node \"" + request.target() + "\" in the inventory; nodes: "
                    + String.join(", ", names));
        }
        if (record.cordoned().contains(request.target())) {
            throw new InvalidInputException("node " + request.target() + " is cordoned: no replica may run there; "
                    + "uncordon it first");
        }
        List<NodeObservation> observed = new ClusterObserver(access).observe();
        String source = source(record, request, observed);
        if (!source.equals(request.target())) {
            requireReachable(observed, request.target());
        }
        return new ClaimPlace(claim, source, desired.mounting(request.namespace(), request.claim()), observed);
    }

    /** The image the copying containers are made from: the first that mounts the claim, else the edge's. */
    String image(Cluster cluster) {
        return users.stream().flatMap(d -> d.spec().template().spec().containers().stream()).findFirst()
                .map(container -> container.image()).orElse(cluster.spec().edge().image());
    }

    /** How long the replicas may take to be ready on the target when the request sets no timeout. */
    Duration longestDeadline() {
        return Duration.ofSeconds(users.stream().mapToLong(d -> d.spec().progressDeadlineSeconds()).max()
                .orElse(600));
    }

    private static String source(StateRecord record, VolumeMove.Request request, List<NodeObservation> observed) {
        Optional<ClaimBinding> binding = record.claim(request.key());
        if (binding.isPresent()) {
            requireReachable(observed, binding.get().node());
            return binding.get().node();
        }
        List<String> holders = observed.stream().filter(NodeObservation::ready)
                .filter(o -> o.snapshot().volumes().contains(request.volume())).map(o -> o.node().name()).sorted()
                .toList();
        if (holders.size() == 1) {
            return holders.get(0);
        }
        List<String> unread = observed.stream().filter(o -> !o.ready()).map(o -> o.node().name()).toList();
        if (holders.isEmpty() && unread.isEmpty()) {
            throw new InvalidInputException(request.display() + " has no data on any node yet (no replica has "
                    + "mounted it): nothing to move");
        }
        if (holders.isEmpty()) {
            throw new ClusterException(request.display() + ": no reachable node holds volume " + request.volume()
                    + ", and " + String.join(", ", unread) + " could not be read");
        }
        throw new ClusterException(request.display() + ": volume " + request.volume() + " is on " + String.join(
                " and ", holders) + ", and berth has no record of which is the claim's data; remove the stale one "
                + "with docker volume rm on its node");
    }

    private static void requireReachable(List<NodeObservation> observed, String node) {
        NodeObservation observation = observed.stream().filter(o -> o.node().name().equals(node)).findFirst()
                .orElseThrow();
        if (!observation.ready()) {
            throw new ClusterException(node + " could not be reached: " + observation.reason());
        }
    }

}
