package dev.berth.manifest.yaml;

import dev.berth.manifest.Position;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping with string keys, in the order written; each entry remembers where its key was. */
public record MappingNode(Position position, Map<String, Entry> entries) implements Node {

    /** One key and its value. */
    public record Entry(String key, Position keyPosition, Node value) {
    }

    public MappingNode {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The value under a key, treating an explicit null like an absent key, as Kubernetes does. */
    public Optional<Node> value(String key) {
        return entry(key).map(Entry::value)
                .filter(node -> !(node instanceof ScalarNode scalar && scalar.isNull()));
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
