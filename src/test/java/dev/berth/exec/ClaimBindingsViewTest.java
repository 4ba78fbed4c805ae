package dev.berth.exec;

import dev.berth.model.Cluster;
import dev.berth.model.EngineFacts;
import dev.berth.model.NodeSnapshot;
import dev.berth.plan.ClusterView;
import dev.berth.plan.NodeView;
import dev.berth.state.ClaimBinding;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The record's claim bindings decide which node's copy of a claim's volume the planner sees. */
class ClaimBindingsViewTest {
    private static final String VOLUME = "berth_shop_data";

    private static NodeObservation node(String name, String... volumes) {
        Cluster.Node node = new Cluster.Node(name, "10.0.0.1", null, null, Map.of(), List.of(), null);
        EngineFacts engine = new EngineFacts(name, "27.0.1", "Debian", "6.1", "x86_64", 2, 1L << 32, 0, 0);
        return new NodeObservation(node, NodeObservation.NodeStatus.READY,
                new NodeSnapshot(engine, List.of(), "/home/deploy", List.of(volumes)), "");
    }

    private static Map<String, List<String>> volumes(ClusterView view) {
        return view.nodes().stream().collect(java.util.stream.Collectors.toMap(NodeView::name, NodeView::volumes));
    }

    private static ClusterView view(Map<String, ClaimBinding> bindings) {
        return ClusterViews.of(List.of(node("node-1", VOLUME, "berth_shop_other"), node("node-2", VOLUME),
                node("node-3")), Set.of(), Set.of(), Instant.MAX, bindings);
    }

    @Test
    void withoutABindingEveryCopyIsSeen() {
        assertThat(volumes(view(Map.of()))).containsEntry("node-1", List.of(VOLUME, "berth_shop_other"))
                .containsEntry("node-2", List.of(VOLUME)).containsEntry("node-3", List.of());
    }

    @Test
    void aBoundClaimIsSeenOnItsNodeOnly() {
        ClusterView view = view(Map.of("shop/data", new ClaimBinding("node-2", null, new TreeSet<>(Set.of("node-1")))));

        assertThat(volumes(view)).containsEntry("node-1", List.of("berth_shop_other"))
                .containsEntry("node-2", List.of(VOLUME)).containsEntry("node-3", List.of());
        assertThat(view.moving()).isEmpty();
    }

    @Test
    void aBindingPinsTheClaimToItsNodeEvenBeforeTheVolumeIsSeenThere() {
        assertThat(volumes(view(Map.of("shop/data", ClaimBinding.on("node-3")))))
                .containsEntry("node-1", List.of("berth_shop_other")).containsEntry("node-2", List.of())
                .containsEntry("node-3", List.of(VOLUME));
    }

    @Test
    void aMovingClaimIsOnNoNodeAndNamesItsTarget() {
        ClusterView view = view(Map.of("shop/data", ClaimBinding.on("node-1").movingTo("node-3")));

        assertThat(volumes(view).values()).noneMatch(list -> list.contains(VOLUME));
        assertThat(view.moving()).containsExactly(Map.entry(VOLUME, "node-3"));
    }
}
