package dev.berth.manifest.yaml;

import dev.berth.manifest.Position;

import java.util.List;

/** A YAML sequence. */
public record SequenceNode(Position position, List<Node> items) implements Node {

    public SequenceNode {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
