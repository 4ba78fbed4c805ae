package dev.berth.state;

import dev.berth.model.Cluster;
import dev.berth.model.ObjectMeta;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class StateNodesTest {

    static Cluster cluster(int nodes, List<String> stateNodes) {
        List<Cluster.Node> inventory = IntStream.rangeClosed(1, nodes)
                .mapToObj(i -> new Cluster.Node("node-" + i, "10.0.0." + i, null, null, null, null, null))
                .toList();
        return new Cluster(Cluster.API_VERSION, Cluster.KIND, new ObjectMeta("prod", null, null, null),
                new Cluster.Spec(null, null, inventory, stateNodes, null));
    }

    @Test
    void areTheNodesTheInventoryNames() {
        assertThat(StateNodes.of(cluster(5, List.of("node-5", "node-2", "node-4"))))
                .containsExactly("node-5", "node-2", "node-4");
    }

    @Test
    void areOtherwiseTheFirstThreeNodesInInventoryOrder() {
        assertThat(StateNodes.of(cluster(5, List.of()))).containsExactly("node-1", "node-2", "node-3");
    }

    @Test
    void areEveryNodeOfASmallerCluster() {
        assertThat(StateNodes.of(cluster(1, List.of()))).containsExactly("node-1");
        assertThat(StateNodes.of(cluster(2, List.of()))).containsExactly("node-1", "node-2");
    }
}
