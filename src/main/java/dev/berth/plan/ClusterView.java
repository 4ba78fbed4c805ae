package dev.berth.plan;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The planner's read-only view of the cluster: every node of the inventory as observed in this run, in name
 * order. In berth a view is always this picture the planner plans from ({@link NodeView} for one node); what
 * commands print is a listing.
 *
 * @param observedAt when the nodes were observed: how long containers have run is counted up to it (for
 *                   {@code minReadySeconds}); {@link Instant#MAX} when every container counts as having run
 *                   long enough
 * @param moving     the Docker volumes of claims whose data is being moved, with the node it goes to: no replica
 *                   that mounts one may run until the move ends
 */
public record ClusterView(List<NodeView> nodes, Instant observedAt, Map<String, String> moving) {
    public ClusterView {
        nodes = nodes.stream().sorted(Comparator.comparing(NodeView::name)).toList();
        if (observedAt == null) {
            throw new IllegalArgumentException("observedAt is required; Instant.MAX when time does not matter");
        }
        moving = Map.copyOf(moving);
    }

    public ClusterView(List<NodeView> nodes, Instant observedAt) {
        this(nodes, observedAt, Map.of());
    }

    /** A view in which every container has run long enough to be available. */
    public ClusterView(List<NodeView> nodes) {
        this(nodes, Instant.MAX);
    }
}
