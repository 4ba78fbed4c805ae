package dev.berth.exec.move;

import dev.berth.exec.DesiredStates;
import dev.berth.exec.NodeObservation;
import dev.berth.model.Deployment;
import dev.berth.model.PersistentVolumeClaim;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Layout;
import dev.berth.plan.Planner;
import dev.berth.state.ClaimBinding;
import dev.berth.state.StateRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The claims a drain moves off a node: every claim whose data is on the node and that a Deployment with replicas
 * mounts, each to the node where the planner would start that Deployment's next replica with the node drained.
 */
public final class DrainMoves {

    private DrainMoves() {
    }

    /**
     * One claim to move off the drained node.
     *
     * @param target where its data goes; empty when its replicas would have nowhere else to run
     * @param reason why there is no target, else empty
     */
    public record Move(String namespace, String claim, Optional<String> target, String reason) {
        public String display() {
            return "persistentvolumeclaim/" + claim;
        }
    }

    /**
     * Whether any stored claim is mounted by a Deployment with replicas: without one a drain moves no data, and
     * need not observe the nodes for it.
     */
    public static boolean anyToConsider(StateRecord record) {
        DesiredState desired = DesiredStates.of(DesiredStates.objects(record));
        return desired.claims().stream().anyMatch(claim -> desired.mounting(claim.metadata().namespace(),
                claim.metadata().name()).stream().anyMatch(d -> d.spec().replicas() > 0));
    }

    /** The claims to move off {@code node}, in namespace and name order. */
    public static List<Move> of(Planner planner, StateRecord record, List<NodeObservation> observed, String node) {
        DesiredState desired = DesiredStates.of(DesiredStates.objects(record));
        MovePreview preview = new MovePreview(planner, record, observed);
        List<Move> moves = new ArrayList<>();
        List<PersistentVolumeClaim> claims = desired.claims().stream()
                .sorted((a, b) -> (a.metadata().namespace() + "/" + a.metadata().name())
                        .compareTo(b.metadata().namespace() + "/" + b.metadata().name())).toList();
        for (PersistentVolumeClaim claim : claims) {
            String namespace = claim.metadata().namespace();
            String name = claim.metadata().name();
            String key = namespace + "/" + name;
            if (!dataOn(record, observed, key, Layout.claimVolume(namespace, name), node)) {
                continue;
            }
            List<Deployment> users = desired.mounting(namespace, name).stream()
                    .filter(d -> d.spec().replicas() > 0).toList();
            if (users.isEmpty()) {
                continue;
            }
            Optional<String> target = preview.target(key, users, Set.of(node));
            moves.add(new Move(namespace, name, target, target.isPresent() ? ""
                    : "its replicas would have nowhere else to run"));
        }
        return moves;
    }

    private static boolean dataOn(StateRecord record, List<NodeObservation> observed, String key, String volume,
                                  String node) {
        Optional<ClaimBinding> binding = record.claim(key);
        if (binding.isPresent()) {
            return binding.get().node().equals(node);
        }
        return observed.stream().anyMatch(o -> o.ready() && o.node().name().equals(node)
                && o.snapshot().volumes().contains(volume));
    }
}
