package dev.berth.manifest;

import dev.berth.manifest.yaml.MappingNode;
import dev.berth.manifest.yaml.Node;
import dev.berth.manifest.yaml.ScalarNode;
import dev.berth.manifest.yaml.SequenceNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code kind: List} document (apiVersion v1), as {@code get -o yaml} prints several objects: its items are
 * read as documents of their own, each problem still at its own line and column. Any other document is itself.
 */
final class ListItems {
    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "metadata", "items");

    private ListItems() {
    }

    static List<Node> of(Node document, Problems problems) {
        if (!(document instanceof MappingNode root) || !"List".equals(text(root, "kind"))) {
            return List.of(document);
        }
        if (!"v1".equals(text(root, "apiVersion"))) {
            problems.error(root.value("apiVersion").map(Node::position).orElse(root.position()), "apiVersion",
                    "must be v1 for kind List");
        }
        root.entries().values().stream().filter(entry -> !FIELDS.contains(entry.key())).forEach(entry ->
                problems.error(entry.keyPosition(), entry.key(), "unknown field \"" + entry.key()
                        + "\"; supported fields here: apiVersion, items, kind, metadata"));
        Optional<Node> items = root.value("items");
        if (items.isEmpty()) {
            return List.of();
        }
        if (!(items.get() instanceof SequenceNode sequence)) {
            problems.error(items.get().position(), "items", "must be a list, got " + items.get().describe());
            return List.of();
        }
        return sequence.items();
    }

    private static String text(MappingNode root, String key) {
        return root.value(key).filter(ScalarNode.class::isInstance).map(node -> ((ScalarNode) node).text())
                .orElse(null);
    }
}
