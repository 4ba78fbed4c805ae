package dev.berth.cli.observe;

import dev.berth.exec.ClusterPicture;
import dev.berth.exec.NodeObservation;
import dev.berth.model.Deployment;
import dev.berth.model.ObservedPod;
import dev.berth.model.PersistentVolumeClaim;
import dev.berth.model.Quantity;
import dev.berth.plan.Layout;
import dev.berth.state.ClaimBinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a PersistentVolumeClaim stands, as {@code get pvc} and {@code describe pvc} show it. A claim is Bound once
 * a node holds its Docker volume, which the first replica that mounts it creates; until then it is Pending, as a
 * Kubernetes claim of a {@code WaitForFirstConsumer} storage class is, and {@link #reason()} says what it waits for.
 *
 * @param nodes       the node that holds the claim's data: the one a move bound it to, else those that hold its
 *                    volume (more than one only when berth cannot tell which copy is the claim's)
 * @param deployments the Deployments of the desired state that mount the claim, as {@code deployment.apps/NAME}
 * @param pods        the replicas that run on the claim's nodes and mount it
 * @param kept        other nodes holding a volume of the claim's name: older copies a move left
 * @param movingTo    the node a move under way copies the data to, else null
 */
record ClaimStatus(PersistentVolumeClaim claim, List<String> nodes, List<String> deployments, List<ObservedPod> pods,
                   String reason, List<String> kept, String movingTo) {
    static final String BOUND = "Bound";
    static final String PENDING = "Pending";

    ClaimStatus {
        nodes = List.copyOf(nodes);
        deployments = List.copyOf(deployments);
        pods = List.copyOf(pods);
        kept = List.copyOf(kept);
    }

    static List<ClaimStatus> of(List<PersistentVolumeClaim> claims, ClusterPicture picture) {
        List<ClaimStatus> statuses = new ArrayList<>();
        for (PersistentVolumeClaim claim : claims) {
            statuses.add(of(claim, picture));
        }
        return statuses;
    }

    static ClaimStatus of(PersistentVolumeClaim claim, ClusterPicture picture) {
        String namespace = claim.metadata().namespace();
        String volume = Layout.claimVolume(namespace, claim.metadata().name());
        List<NodeObservation> ready = picture.observed().stream().filter(NodeObservation::ready).toList();
        List<String> holders = ready.stream().filter(o -> o.snapshot().volumes().contains(volume))
                .map(o -> o.node().name()).sorted().toList();
        Optional<ClaimBinding> binding = picture.record()
                .flatMap(record -> record.claim(namespace + "/" + claim.metadata().name()));
        List<String> nodes = binding.map(b -> List.of(b.node())).orElse(holders);
        String movingTo = binding.map(ClaimBinding::movingTo).orElse(null);
        List<String> kept = holders.stream().filter(node -> !nodes.contains(node) && !node.equals(movingTo)).toList();
        List<Deployment> users = picture.desired().mounting(namespace, claim.metadata().name());
        Set<String> userNames = new TreeSet<>();
        users.forEach(d -> userNames.add(d.metadata().name()));
        List<ObservedPod> pods = ready.stream().filter(o -> nodes.contains(o.node().name()))
                .flatMap(o -> ObservedPod.group(o.node().name(), o.snapshot().containers()).stream())
                .filter(pod -> pod.namespace().equals(namespace) && userNames.contains(pod.deployment())).toList();
        String reason = nodes.isEmpty() ? pendingReason(users, picture) : "";
        return new ClaimStatus(claim, nodes, userNames.stream().map(name -> "deployment.apps/" + name).toList(), pods,
                reason, kept, movingTo);
    }

    String phase() {
        return nodes.isEmpty() ? PENDING : BOUND;
    }

    String volume() {
        return Layout.claimVolume(claim.metadata().namespace(), claim.metadata().name());
    }

    /** The requested storage; berth's volumes take what the disk has, so a Bound claim shows what it asked. */
    String capacity() {
        Quantity storage = claim.spec().resources() == null ? null : claim.spec().resources().requests().get("storage");
        return storage == null ? "" : storage.text();
    }

    String usedBy() {
        return pods.isEmpty() ? "<none>" : String.join(",", pods.stream().map(ObservedPod::name).toList());
    }

    private static String pendingReason(List<Deployment> users, ClusterPicture picture) {
        long unread = picture.observed().stream().filter(o -> !o.ready()).count();
        String unreachable = unread == 0 ? "" : "; " + unread + (unread == 1 ? " node" : " nodes")
                + " not read, the volume may be there";
        if (users.isEmpty()) {
            return "waiting for first consumer to be created before binding" + unreachable;
        }
        List<String> waits = new ArrayList<>();
        for (Deployment deployment : users) {
            String key = deployment.metadata().namespace() + "/" + deployment.metadata().name();
            List<String> pending = picture.pending(key);
            waits.add("deployment.apps/" + deployment.metadata().name() + (pending.isEmpty()
                    ? " to start a replica" : " (Pending: " + pending.get(0) + ")"));
        }
        return "waiting for " + String.join(", ", waits) + unreachable;
    }

}
