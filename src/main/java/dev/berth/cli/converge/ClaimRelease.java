package dev.berth.cli.converge;

import dev.berth.error.InvalidInputException;
import dev.berth.exec.DesiredStates;
import dev.berth.exec.NodeObservation;
import dev.berth.model.Deployment;
import dev.berth.model.PersistentVolumeClaim;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Layout;
import dev.berth.state.StateRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What becomes of the Docker volumes of the PersistentVolumeClaims a {@code delete} or an {@code apply --prune}
 * removes from the desired state. A claim a Deployment still mounts is not deleted: the verb is refused (exit 2)
 * and nothing is touched, where Kubernetes would keep the claim Terminating until no pod uses it; berth keeps no
 * such state between runs, so it says at once what stands in the way. A claim with reclaim policy Retain (the
 * default) leaves its volume on its node; one with Delete has its volume removed once its replicas are gone.
 *
 * @param claims the claims the change removes, each with the nodes that hold its volume
 */
record ClaimRelease(List<Released> claims) {

    ClaimRelease {
        claims = List.copyOf(claims);
    }

    /**
     * One claim removed.
     *
     * @param nodes   the nodes that hold its Docker volume, as last observed
     * @param unread  the nodes that could not be observed: a volume there is not seen, and so not removed
     */
    record Released(String identity, String namespace, String name, String policy, List<String> nodes,
                    List<String> unread) {
        Released {
            nodes = List.copyOf(nodes);
            unread = List.copyOf(unread);
        }

        String volume() {
            return Layout.claimVolume(namespace, name);
        }

        boolean deletesData() {
            return PersistentVolumeClaim.DELETE.equals(policy) && !nodes.isEmpty();
        }

        /** What the delete line adds: where the data stays, or that it goes (told once it went). */
        String outcome() {
            String unreached = unread.isEmpty() ? "" : "; not reached: " + String.join(", ", unread)
                    + ", a volume there is kept";
            if (PersistentVolumeClaim.DELETE.equals(policy) && (!nodes.isEmpty() || !unread.isEmpty())) {
                return " (reclaim policy Delete" + unreached + ")";
            }
            if (nodes.isEmpty()) {
                return "";
            }
            return " (volume " + volume() + " kept on " + String.join(", ", nodes) + ": reclaim policy Retain)";
        }

        /** For a person asked to confirm: the claim and where its data is. */
        String where() {
            return PlanReport.display(identity) + " (volume " + volume() + " on " + String.join(", ", nodes) + ")";
        }
    }

    /**
     * The claims stored in {@code before} and not in {@code after}, with the nodes that hold their volume;
     * refused when a Deployment of {@code after} still mounts one.
     */
    static ClaimRelease of(StateRecord before, StateRecord after, List<NodeObservation> observed) {
        if (before.applied().keySet().stream().noneMatch(identity -> identity.startsWith(PersistentVolumeClaim.KIND
                + "/") && !after.applied().containsKey(identity))) {
            return new ClaimRelease(List.of());
        }
        List<PersistentVolumeClaim> removed = DesiredStates.of(DesiredStates.objects(before)).claims().stream()
                .filter(claim -> !after.applied().containsKey(claim.identity())).toList();
        if (removed.isEmpty()) {
            return new ClaimRelease(List.of());
        }
        DesiredState remaining = DesiredStates.of(DesiredStates.objects(after));
        List<Released> claims = new ArrayList<>();
        for (PersistentVolumeClaim claim : removed) {
            String namespace = claim.metadata().namespace();
            String name = claim.metadata().name();
            Set<String> users = new TreeSet<>();
            remaining.mounting(namespace, name).forEach(deployment -> users.add(PlanReport.display(
                    deployment.identity())));
            if (!users.isEmpty()) {
                throw new InvalidInputException(PlanReport.display(claim.identity()) + " is used by "
                        + String.join(", ", users) + ": delete " + (users.size() == 1 ? "it" : "them")
                        + " first, or in the same command (nothing was touched)");
            }
            String volume = Layout.claimVolume(namespace, name);
            List<String> nodes = observed.stream().filter(NodeObservation::ready)
                    .filter(o -> o.snapshot().volumes().contains(volume)).map(o -> o.node().name()).sorted().toList();
            List<String> unread = observed.stream().filter(o -> !o.ready()).map(o -> o.node().name()).sorted()
                    .toList();
            claims.add(new Released(claim.identity(), namespace, name, claim.reclaimPolicy(), nodes, unread));
        }
        return new ClaimRelease(claims);
    }

    /** The claims whose data the change removes: reclaim policy Delete, and a node holds the volume. */
    List<Released> deletingData() {
        return claims.stream().filter(Released::deletesData).toList();
    }

    /** The Delete-policy claims whose removal was not foreseen by {@code foreseen}: the record changed meanwhile. */
    List<Released> deletingBeyond(ClaimRelease foreseen) {
        return claims.stream().filter(claim -> PersistentVolumeClaim.DELETE.equals(claim.policy()))
                .filter(claim -> foreseen.claims().stream().noneMatch(f -> f.identity().equals(claim.identity())))
                .toList();
    }

    /** The delete line of {@code identity}, with where its claim's data stays or that it goes. */
    String line(String identity, String line) {
        return claims.stream().filter(claim -> claim.identity().equals(identity)).findFirst()
                .map(claim -> line + claim.outcome()).orElse(line);
    }

}
