package dev.berth.exec.move;

import dev.berth.exec.ClusterViews;
import dev.berth.exec.DesiredStates;
import dev.berth.exec.NodeObservation;
import dev.berth.model.BerthLabels;
import dev.berth.model.Deployment;
import dev.berth.plan.Action;
import dev.berth.plan.ClusterView;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Layout;
import dev.berth.plan.NodeView;
import dev.berth.plan.PendingReplica;
import dev.berth.plan.Plan;
import dev.berth.plan.Planner;
import dev.berth.plan.Scope;
import dev.berth.state.ClaimBinding;
import dev.berth.state.StateRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the replicas that mount a claim would start if they were started anew: for {@code volume move}, whether
 * they fit on the target; for {@code drain}, which node a claim's data should go to. The planner plans them as if
 * none of their replicas ran, with the claim's data on the node asked about, or on none.
 */
final class MovePreview {
    private final Planner planner;
    private final StateRecord record;
    private final List<NodeObservation> observed;

    MovePreview(Planner planner, StateRecord record, List<NodeObservation> observed) {
        this.planner = planner;
        this.record = record;
        this.observed = observed;
    }

    /** Why the claim's users would not all run with its data on {@code node}; empty when they would. */
    List<PendingReplica> pendingOn(String claimKey, List<Deployment> users, String node) {
        TreeMap<String, ClaimBinding> bindings = new TreeMap<>(record.claims());
        bindings.put(claimKey, ClaimBinding.on(node));
        return plan(claimKey, users, bindings, Set.of(), false).pending();
    }

    /**
     * The node the claim's first user would start a replica on, the claim's data being on none and the
     * {@code draining} nodes taking none; empty when it would be Pending.
     */
    Optional<String> target(String claimKey, List<Deployment> users, Set<String> draining) {
        TreeMap<String, ClaimBinding> bindings = new TreeMap<>(record.claims());
        bindings.remove(claimKey);
        Plan plan = plan(claimKey, users, bindings, draining, true);
        return plan.actions().stream().filter(action -> action instanceof Action.RunContainer)
                .map(action -> (Action.RunContainer) action).findFirst().map(Action.RunContainer::node);
    }

    private Plan plan(String claimKey, List<Deployment> users, Map<String, ClaimBinding> bindings,
                      Set<String> draining, boolean nowhere) {
        DesiredState desired = DesiredStates.of(DesiredStates.objects(record));
        String volume = Layout.claimVolume(claimKey);
        List<String> keys = users.stream().map(DesiredState::key).toList();
        ClusterView view = ClusterViews.of(observed, record.cordoned(), draining, Instant.MAX, bindings);
        List<NodeView> nodes = view.nodes().stream().map(node -> without(node, keys, nowhere ? volume : null))
                .toList();
        return planner.plan(desired, new ClusterView(nodes, view.observedAt(), view.moving()),
                DesiredStates.revisions(record), Scope.of(keys));
    }

    /** The node without the replicas of {@code deployments}, and without {@code volume} unless null. */
    private static NodeView without(NodeView node, List<String> deployments, String volume) {
        return node.with(node.containers().stream().filter(c -> !deployments.contains(c.label(BerthLabels.NAMESPACE)
                + "/" + c.label(BerthLabels.DEPLOYMENT))).toList(),
                node.volumes().stream().filter(v -> !v.equals(volume)).toList());
    }
}
