package dev.berth.manifest;

import dev.berth.manifest.yaml.MappingNode;
import dev.berth.manifest.yaml.Node;
import dev.berth.manifest.yaml.SequenceNode;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the node at a field path such as {@code spec.rules[0].http.paths[1].backend.service.name}. */
final class ReferencePositions {
    private static final Pattern STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private ReferencePositions() {
    }

    static Optional<Position> find(Node root, String path) {
        Node node = root;
        Matcher step = STEP.matcher(path);
        while (step.find()) {
            if (step.group(1) != null && node instanceof MappingNode mapping) {
                Optional<Node> child = mapping.value(step.group(1));
                if (child.isEmpty()) {
                    return Optional.empty();
                }
                node = child.get();
            } else if (step.group(2) != null && node instanceof SequenceNode sequence
                    && Integer.parseInt(step.group(2)) < sequence.items().size()) {
                node = sequence.items().get(Integer.parseInt(step.group(2)));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(node.position());
    }
}
