package dev.berth.manifest;

import dev.berth.manifest.yaml.MappingNode;
import dev.berth.manifest.yaml.Node;
import dev.berth.model.Resource;

import java.util.Optional;

/** A valid object and the YAML it was read from, so that later checks can point at its fields. */
public record Located(Resource resource, MappingNode document) {

    public Position position() {
        return document.position();
    }

    /** The position of a nested field such as {@code ("spec", "selector")}, or of the closest parent present. */
    public Position position(String... keys) {
        Node node = document;
        for (String key : keys) {
            if (!(node instanceof MappingNode mapping)) {
                break;
            }
            Optional<Node> child = mapping.value(key);
            if (child.isEmpty()) {
                break;
            }
            node = child.get();
        }
        return node.position();
    }
}
