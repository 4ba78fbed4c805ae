package dev.berth.plan;

import java.util.Comparator;
import java.util.List;

/** Every node of the inventory as observed in this run, in name order. */
public record ClusterView(List<NodeView> nodes) {
    public ClusterView {
        nodes = nodes.stream().sorted(Comparator.comparing(NodeView::name)).toList();
    }
}
