package dev.berth.manifest.yaml;

import dev.berth.manifest.Position;

/** A YAML value that remembers where it was written: a mapping, a sequence or a scalar. */
public sealed interface Node permits MappingNode, SequenceNode, ScalarNode {

    Position position();

    /** How this value is named in messages: "a mapping", "a list", "a string", ... */
    String describe();
}
