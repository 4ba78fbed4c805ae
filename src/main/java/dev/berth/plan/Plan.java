package dev.berth.plan;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one run should do, in the order it should be done: networks, files and image pulls first, then
 * new containers, then removals (so a replacement starts before the replica it replaces stops). A rollout
 * takes several plans: each plans one wave, and the caller observes again and plans the next until the plan
 * is {@link #complete()}; a plan with nothing to do while a rollout is unfinished is {@link #waiting()}.
 *
 * @param actions   empty when nothing can be done now
 * @param pending   replicas that could not be placed or started, with the reason
 * @param revisions for each desired Deployment ({@code namespace/name}), the revision its template has now;
 *                  a new number when the spec hash changed, for the caller to store
 * @param rollouts  for each desired Deployment ({@code namespace/name}), how far its rollout has come
 */
public record Plan(List<Action> actions, List<PendingReplica> pending, Map<String, Revision> revisions,
                   Map<String, RolloutProgress> rollouts) {
    public Plan {
        actions = List.copyOf(actions);
        pending = List.copyOf(pending);
        revisions = Collections.unmodifiableMap(new TreeMap<>(revisions));
        rollouts = Collections.unmodifiableMap(new TreeMap<>(rollouts));
    }

    /** A plan that knows nothing of rollouts. */
    public Plan(List<Action> actions, List<PendingReplica> pending, Map<String, Revision> revisions) {
        this(actions, pending, revisions, Map.of());
    }

    /** True when there is nothing to do now. */
    public boolean inSync() {
        return actions.isEmpty();
    }

    /** Nothing to do, and every Deployment's rollout is complete. */
    public boolean complete() {
        return inSync() && rollouts.values().stream().allMatch(RolloutProgress::complete);
    }

    /**
     * Nothing to do now, but a rollout that is not paused is unfinished: its new replicas are not available
     * yet (or cannot be placed), so the next wave waits for them.
     */
    public boolean waiting() {
        return inSync() && rollouts.values().stream().anyMatch(r -> !r.complete() && !r.paused());
    }

    /** The ids of the containers {@code actions} remove: the replicas that leave with them. */
    public static Set<String> removedContainers(List<Action> actions) {
        Set<String> ids = new HashSet<>();
        actions.stream().filter(Action.RemoveContainer.class::isInstance)
                .forEach(remove -> ids.add(((Action.RemoveContainer) remove).containerId()));
        return ids;
    }
}
