package dev.berth.plan;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The planner's read-only view of the cluster: every node of the inventory as observed in this run, in name
 * order. In berth a view is always this picture the planner plans from ({@link NodeView} for one node); what
 * commands print is a listing.
 *
 * @param observedAt when the nodes were observed: how long containers have run is counted up to it (for
 *                   {@code minReadySeconds}); {@link Instant#MAX} when every container counts as having run
 *                   long enough
 */
public record ClusterView(List<NodeView> nodes, Instant observedAt) {
    public ClusterView {
        nodes = nodes.stream().sorted(Comparator.comparing(NodeView::name)).toList();
        if (observedAt == null) {
            throw new IllegalArgumentException("observedAt is required; Instant.MAX when time does not matter");
        }
    }

    /** A view in which every container has run long enough to be available. */
    public ClusterView(List<NodeView> nodes) {
        this(nodes, Instant.MAX);
    }
}
