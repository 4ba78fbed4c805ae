package dev.berth.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the text of {@code config.yaml} from SnakeYAML's node tree, with the line of every problem. Every verb
 * reads the config before its first connection; Jackson's data binding (the writer's, {@link ConfigStore#save})
 * cost that path some 45 ms of CPU to start, this a few.
 */
final class ConfigYamlReader {
    private static final List<String> FIELDS = List.of("apiVersion", "contexts", "currentContext", "kind");
    private static final List<String> CONTEXT_FIELDS = List.of("cluster", "name", "namespace");

    /** What is wrong with the text, and on which line (1-based). */
    static final class Problem extends RuntimeException {
        private final int line;

        Problem(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private ConfigYamlReader() {
    }

    /** The config the text holds; an empty document is an empty config. */
    static BerthConfig read(String text) {
        Node root = compose(text);
        if (root == null || isNull(root)) {
            return BerthConfig.empty();
        }
        Map<String, Node> fields = fields(mapping(root, ""), FIELDS);
        List<Context> contexts = new ArrayList<>();
        Node listed = fields.get("contexts");
        if (listed != null && !isNull(listed)) {
            if (!(listed instanceof SequenceNode sequence)) {
                throw new Problem(line(listed), "contexts: expected a list");
            }
            for (int i = 0; i < sequence.getValue().size(); i++) {
                contexts.add(context(sequence.getValue().get(i), "contexts[" + i + "]"));
            }
        }
        try {
            return BerthConfig.fromFile(text(fields, "apiVersion", ""), text(fields, "kind", ""),
                    text(fields, "currentContext", ""), contexts);
        } catch (IllegalArgumentException e) {
            throw new Problem(line(root), e.getMessage());
        }
    }

    private static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(1);
        try {
            return new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new Problem(mark == null ? 1 : mark.getLine() + 1,
                    "not valid YAML: " + (e.getProblem() != null ? e.getProblem() : e.getMessage()));
        } catch (YAMLException e) {
            throw new Problem(1, "not valid YAML: " + e.getMessage());
        }
    }

    private static Context context(Node node, String path) {
        Map<String, Node> fields = fields(mapping(node, path), CONTEXT_FIELDS);
        String name = text(fields, "name", path + ".");
        String cluster = text(fields, "cluster", path + ".");
        String namespace = text(fields, "namespace", path + ".");
        try {
            return new Context(name, cluster, namespace);
        } catch (IllegalArgumentException e) {
            throw new Problem(line(node), e.getMessage());
        }
    }

    private static MappingNode mapping(Node node, String path) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw new Problem(line(node), (path.isEmpty() ? "" : path + ": ") + "expected a mapping");
    }

    /** The mapping's values by key; an unknown or repeated key is a problem on its line. */
    private static Map<String, Node> fields(MappingNode mapping, List<String> known) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            String name = key instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (name == null || !known.contains(name)) {
                throw new Problem(line(key), "unknown field \"" + name + "\" (known: " + String.join(", ", known) + ")");
            }
            if (fields.put(name, tuple.getValueNode()) != null) {
                throw new Problem(line(key), "duplicate field \"" + name + "\"");
            }
        }
        return fields;
    }

    /** A text field's value: {@code null} when absent or null; a scalar of another type as its text, as written. */
    private static String text(Map<String, Node> fields, String name, String path) {
        Node node = fields.get(name);
        if (node == null || isNull(node)) {
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new Problem(line(node), path + name + ": expected a text value");
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }
}
