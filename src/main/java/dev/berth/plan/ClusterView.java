package dev.berth.plan;

import java.util.Comparator;
import java.util.List;

/**
 * The planner's read-only view of the cluster: every node of the inventory as observed in this run, in name
 * order. In berth a view is always this picture the planner plans from ({@link NodeView} for one node); what
 * commands print is a listing.
 */
public record ClusterView(List<NodeView> nodes) {
    public ClusterView {
        nodes = nodes.stream().sorted(Comparator.comparing(NodeView::name)).toList();
    }
}
