package dev.berth.plan;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run should do, in the order it should be done: networks, files and image pulls first, then
 * new containers, then removals (so a replacement starts before the replica it replaces stops).
 *
 * @param actions   empty when the cluster already matches the desired state
 * @param pending   replicas that could not be placed or started, with the reason
 * @param revisions for each desired Deployment ({@code namespace/name}), the revision its template has now;
 *                  a new number when the spec hash changed, for the caller to store
 */
public record Plan(List<Action> actions, List<PendingReplica> pending, Map<String, Revision> revisions) {
    public Plan {
        actions = List.copyOf(actions);
        pending = List.copyOf(pending);
        revisions = Collections.unmodifiableMap(new TreeMap<>(revisions));
    }

    /** True when there is nothing to do. */
    public boolean inSync() {
        return actions.isEmpty();
    }
}
