package dev.berth.manifest;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryFileTest {
    static final String ENTRY = "{\"name\": \"node-3\", \"address\": \"10.0.0.13\"}";

    @Nested
    class BlockLists {
        @Test
        void theEntryGoesRightAfterTheLastItemWithItsIndentationAndEveryCommentStays() {
            String text = "kind: Cluster\nspec:\n  nodes:\n    # first\n    - name: node-1\n      address: 10.0.0.11\n"
                    + "      # still node-1\n    - {name: node-2, address: 10.0.0.12}\n\n  # the provisioner\n"
                    + "  provisioner: {command: [./add]}\n";
            assertThat(InventoryFile.withNode(text, ENTRY)).contains("kind: Cluster\nspec:\n  nodes:\n    # first\n"
                    + "    - name: node-1\n      address: 10.0.0.11\n      # still node-1\n"
                    + "    - {name: node-2, address: 10.0.0.12}\n    - " + ENTRY + "\n\n  # the provisioner\n"
                    + "  provisioner: {command: [./add]}\n");
        }

        @Test
        void anIndentlessListAtTheEndOfTheFileGrowsByOneLine() {
            String text = "spec:\n  nodes:\n  - name: node-1\n    address: 10.0.0.11\n";
            assertThat(InventoryFile.withNode(text, ENTRY))
                    .contains(text + "  - " + ENTRY + "\n");
        }
    }

    @Nested
    class Refused {
        @Test
        void aFlowListIsNotExtendedByText() {
            assertThat(InventoryFile.withNode("spec:\n  nodes: [{name: node-1, address: a}]\n", ENTRY)).isEmpty();
            assertThat(InventoryFile.withNode("spec:\n  nodes: [\n    {name: node-1, address: a}\n  ]\n", ENTRY))
                    .isEmpty();
        }

        @Test
        void noNodesListOrBrokenYamlIsNotExtended() {
            assertThat(InventoryFile.withNode("spec:\n  ssh: {user: a}\n", ENTRY)).isEmpty();
            assertThat(InventoryFile.withNode("spec: [\n", ENTRY)).isEmpty();
        }
    }
}
