package dev.berth.manifest.schema;

import dev.berth.manifest.Position;
import dev.berth.manifest.Problems;
import dev.berth.manifest.yaml.MappingNode;
import dev.berth.manifest.yaml.Node;
import dev.berth.manifest.yaml.ScalarNode;
import dev.berth.manifest.yaml.SequenceNode;
import dev.berth.model.IntOrString;
import dev.berth.model.Quantity;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the fields of one mapping at a known path, against a {@link Shape}. Every read records what is
 * wrong (with position and path) and returns null instead of failing, so that one pass finds every
 * problem of a manifest. Callers build typed records only when no error was found.
 */
public final class Fields {
    private final MappingNode node;
    private final String path;
    private final Problems problems;

    private Fields(MappingNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** Reads a node that must be a mapping of the given shape; empty (with the problem recorded) otherwise. */
    public static Optional<Fields> of(Node node, String path, Shape shape, Problems problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.error(node.position(), path, "must be a mapping, got " + node.describe());
            return Optional.empty();
        }
        for (MappingNode.Entry entry : mapping.entries().values()) {
            String refusal = shape.refuse(entry.key());
            if (refusal != null) {
                problems.error(entry.keyPosition(), child(path, entry.key()), refusal);
            }
        }
        return Optional.of(new Fields(mapping, path, problems));
    }

    public static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public Problems problems() {
        return problems;
    }

    public String path() {
        return path;
    }

    public String path(String key) {
        return child(path, key);
    }

    public Position position() {
        return node.position();
    }

    /** Where the value of a key is, or this mapping's position when the key is absent. */
    public Position position(String key) {
        return node.value(key).map(Node::position).orElse(node.position());
    }

    /** Where a key itself is written, or this mapping's position when it is absent. */
    public Position keyPosition(String key) {
        return node.entry(key).map(MappingNode.Entry::keyPosition).orElse(node.position());
    }

    /** Whether the mapping has keys other than these (already reported if they do not belong). */
    public boolean hasOtherThan(java.util.Collection<String> keys) {
        return node.entries().keySet().stream().anyMatch(key -> !keys.contains(key));
    }

    public boolean has(String key) {
        return node.value(key).isPresent();
    }

    public Optional<Node> node(String key) {
        return node.value(key);
    }

    public void error(String key, String message) {
        problems.error(position(key), path(key), message);
    }

    public void warn(String key, String message) {
        problems.warn(position(key), path(key), message);
    }

    /** Records that a required key is missing; returns null for the caller's convenience. */
    public <T> T missing(String key) {
        problems.error(node.position(), path(key), "is required");
        return null;
    }

    // ---- scalars

    public String string(String key, Rule... rules) {
        Optional<Node> value = node.value(key);
        if (value.isEmpty()) {
            return null;
        }
        return Values.string(value.get(), path(key), problems, rules);
    }

    public String requiredString(String key, Rule... rules) {
        return has(key) ? string(key, rules) : missing(key);
    }

    public Integer integer(String key, long min, long max) {
        return node.value(key).map(value -> Values.integer(value, path(key), min, max, problems)).orElse(null);
    }

    public Integer requiredInteger(String key, long min, long max) {
        return has(key) ? integer(key, min, max) : missing(key);
    }

    public Boolean bool(String key) {
        Optional<Node> value = node.value(key);
        if (value.isEmpty()) {
            return null;
        }
        if (value.get() instanceof ScalarNode scalar && scalar.type() == ScalarNode.Type.BOOLEAN) {
            return Boolean.parseBoolean(scalar.text().toLowerCase(java.util.Locale.ROOT));
        }
        problems.error(value.get().position(), path(key), "must be true or false, got " + value.get().describe());
        return null;
    }

    /** A port number (1-65535) or a port name. */
    public IntOrString port(String key, Rule nameRule) {
        return node.value(key).map(value -> Values.port(value, path(key), nameRule, problems)).orElse(null);
    }

    /** A count or a percentage such as {@code 25%}. */
    public IntOrString countOrPercent(String key) {
        return node.value(key).map(value -> Values.countOrPercent(value, path(key), problems)).orElse(null);
    }

    public Quantity quantity(String key) {
        return node.value(key).map(value -> Values.quantity(value, path(key), problems)).orElse(null);
    }

    // ---- collections

    public Optional<Fields> object(String key, Shape shape) {
        return node.value(key).flatMap(value -> of(value, path(key), shape, problems));
    }

    public Optional<Fields> requiredObject(String key, Shape shape) {
        if (!has(key)) {
            missing(key);
            return Optional.empty();
        }
        return object(key, shape);
    }

    /** The items of a list of mappings; each item is read against the shape. */
    public List<Fields> objects(String key, Shape shape) {
        List<Fields> result = new ArrayList<>();
        List<Node> items = items(key);
        for (int i = 0; i < items.size(); i++) {
            of(items.get(i), path(key) + "[" + i + "]", shape, problems).ifPresent(result::add);
        }
        return result;
    }

    public List<String> strings(String key, Rule... rules) {
        List<String> result = new ArrayList<>();
        List<Node> items = items(key);
        for (int i = 0; i < items.size(); i++) {
            String value = Values.string(items.get(i), path(key) + "[" + i + "]", problems, rules);
            if (value != null) {
                result.add(value);
            }
        }
        return result;
    }

    /** The raw items of a list, with a problem recorded when the value is not a list. */
    public List<Node> items(String key) {
        Optional<Node> value = node.value(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof SequenceNode sequence) {
            return sequence.items();
        }
        problems.error(value.get().position(), path(key), "must be a list, got " + value.get().describe());
        return List.of();
    }

    /** A mapping of strings to strings (labels, annotations, data); keys and values checked by rules. */
    public Map<String, String> stringMap(String key, Rule keyRule, Rule valueRule) {
        return stringMap(key, keyRule, valueRule, false);
    }

    /**
     * A mapping of strings whose values are secret ({@code data} and {@code stringData} of a Secret): every
     * problem names the key and what is wrong, never the value.
     */
    public Map<String, String> secretStringMap(String key, Rule keyRule, Rule valueRule) {
        return stringMap(key, keyRule, valueRule, true);
    }

    private Map<String, String> stringMap(String key, Rule keyRule, Rule valueRule, boolean secret) {
        Map<String, String> result = new LinkedHashMap<>();
        Optional<Node> value = node.value(key);
        if (value.isEmpty()) {
            return result;
        }
        if (!(value.get() instanceof MappingNode mapping)) {
            problems.error(value.get().position(), path(key), "must be a mapping, got "
                    + (secret ? Values.kindOf(value.get()) : value.get().describe()));
            return result;
        }
        for (MappingNode.Entry entry : mapping.entries().values()) {
            String entryPath = path(key) + "." + entry.key();
            String keyProblem = keyRule.check(entry.key());
            if (keyProblem != null) {
                problems.error(entry.keyPosition(), entryPath, keyProblem);
            }
            String text = secret ? Values.secretString(entry.value(), entryPath, problems, valueRule)
                    : Values.string(entry.value(), entryPath, problems, valueRule);
            if (text != null && keyProblem == null) {
                result.put(entry.key(), text);
            }
        }
        return result;
    }

    /** Checks that a count is in a range; for values computed from several fields. */
    static boolean fits(BigInteger value, long min, long max) {
        return value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0;
    }
}
