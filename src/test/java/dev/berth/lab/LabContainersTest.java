package dev.berth.lab;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LabContainersTest {
    private static final String PS = """
            berth-lab-node-10\trunning\tberth-lab-node:1\tnode\tnode-10\t172.20.0.20\t\tab12
            berth-lab-registry\trunning\tberth-lab-registry:1\tregistry\t\t\t\t
            berth-lab-node-2\texited\t5f500f095d82\tnode\tnode-2\t172.20.0.12\t\tab12
            berth-lab-node-1\trunning\tberth-lab-node:1\tnode\tnode-1\t172.20.0.11\tedge\tab12
            """;

    @Test
    void ordersNodesByNumberNotByName() {
        assertThat(LabContainers.parse(PS).nodes().stream().map(LabContainer::node))
                .containsExactly("node-1", "node-2", "node-10");
    }

    @Test
    void readsEveryLabel() {
        LabContainer node1 = LabContainers.parse(PS).node(1).orElseThrow();
        assertThat(node1).isEqualTo(new LabContainer("berth-lab-node-1", "running", "berth-lab-node:1", "node",
                "node-1", "172.20.0.11", List.of("edge"), "ab12"));
        assertThat(node1.running()).isTrue();
    }

    @Test
    void seesAStoppedNodeMadeFromAnOlderImage() {
        LabContainer node2 = LabContainers.parse(PS).node(2).orElseThrow();
        assertThat(node2.running()).isFalse();
        assertThat(node2.image()).isEqualTo("5f500f095d82");
        assertThat(node2.roles()).isEmpty();
    }

    @Test
    void findsTheRegistry() {
        assertThat(LabContainers.parse(PS).registry().map(LabContainer::name)).contains("berth-lab-registry");
    }

    @Test
    void anEmptyListingIsAnEmptyLab() {
        assertThat(LabContainers.parse("\n").isEmpty()).isTrue();
        assertThat(LabContainers.parse("").registry()).isEmpty();
    }
}
