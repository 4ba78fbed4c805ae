package dev.berth.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.error.InvalidInputException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One path of kubectl's JSONPath: {@code .metadata.name}, {@code .items[*].spec.nodeName}, {@code .items[0]},
 * {@code ['a.b/c']}, {@code ..name}, {@code .items[-1:]} and the filter {@code [?(@.type=="Ready")]}. It
 * starts at the document ({@code $}) or at the element a {@code range} (or a filter) is on ({@code @}, or
 * nothing: outside a range that is the document). A key
 * that is missing selects nothing, as kubectl's {@code get} allows missing keys.
 */
public final class JsonPath {
    private final boolean fromCurrent;
    private final List<Step> steps;

    private JsonPath(boolean fromCurrent, List<Step> steps) {
        this.fromCurrent = fromCurrent;
        this.steps = List.copyOf(steps);
    }

    /** One step of a path: from each node selected so far to the nodes it leads to. */
    sealed interface Step permits Field, Index, Slice, Wildcard, Descent, Filter {
    }

    record Field(String name) implements Step {
    }

    record Index(int index) implements Step {
    }

    record Slice(Integer from, Integer to) implements Step {
    }

    record Wildcard() implements Step {
    }

    record Descent(String name) implements Step {
    }

    /** {@code [?(@.path OP literal)]}, or {@code [?(@.path)]} when {@code operator} is null (the key exists). */
    record Filter(JsonPath path, String operator, JsonNode literal) implements Step {
        boolean matches(JsonNode element, JsonNode root) {
            List<JsonNode> values = path.select(root, element);
            if (values.isEmpty()) {
                return false;
            }
            JsonNode first = values.get(0);
            if (operator == null) {
                return !first.isNull() && !(first.isBoolean() && !first.asBoolean());
            }
            return compares(first, operator, literal);
        }
    }

    /** Reads a path such as {@code .items[*].metadata.name}; a path it cannot read is a usage error. */
    public static JsonPath parse(String text) {
        return new JsonPathReader(text).path();
    }

    static JsonPath of(boolean fromCurrent, List<Step> steps) {
        return new JsonPath(fromCurrent, steps);
    }

    /** The nodes the path selects, in document order. */
    public List<JsonNode> select(JsonNode root, JsonNode current) {
        List<JsonNode> selected = new ArrayList<>(List.of(fromCurrent ? current : root));
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : selected) {
                apply(step, node, root, next);
            }
            selected = next;
        }
        return selected;
    }

    private static void apply(Step step, JsonNode node, JsonNode root, List<JsonNode> into) {
        if (step instanceof Field field) {
            JsonNode value = node.isObject() ? node.get(field.name()) : null;
            if (value != null && !value.isMissingNode()) {
                into.add(value);
            }
        } else if (step instanceof Index index) {
            if (node.isArray()) {
                int at = index.index() < 0 ? node.size() + index.index() : index.index();
                if (at >= 0 && at < node.size()) {
                    into.add(node.get(at));
                }
            }
        } else if (step instanceof Slice slice) {
            if (node.isArray()) {
                int to = bound(slice.to(), node.size(), node.size());
                for (int i = bound(slice.from(), 0, node.size()); i < to; i++) {
                    into.add(node.get(i));
                }
            }
        } else if (step instanceof Wildcard) {
            node.elements().forEachRemaining(into::add);
        } else if (step instanceof Descent descent) {
            descend(node, descent.name(), into);
        } else if (step instanceof Filter filter && node.isArray()) {
            node.elements().forEachRemaining(element -> {
                if (filter.matches(element, root)) {
                    into.add(element);
                }
            });
        }
    }

    private static int bound(Integer given, int otherwise, int size) {
        if (given == null) {
            return otherwise;
        }
        int at = given < 0 ? size + given : given;
        return Math.max(0, Math.min(size, at));
    }

    private static void descend(JsonNode node, String name, List<JsonNode> into) {
        if (node.isObject()) {
            if ("*".equals(name)) {
                node.elements().forEachRemaining(into::add);
            } else if (node.has(name)) {
                into.add(node.get(name));
            }
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            descend(children.next(), name, into);
        }
    }

    /** Whether a filter keeps {@code element}: the first value its path selects compares true to the literal. */
    static boolean compares(JsonNode value, String operator, JsonNode literal) {
        if (value.isNumber() && literal.isNumber()) {
            int order = Double.compare(value.asDouble(), literal.asDouble());
            return switch (operator) {
                case "==" -> order == 0;
                case "!=" -> order != 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> throw new InvalidInputException("unknown operator " + operator + " in a jsonpath filter");
            };
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        String wanted = literal.isValueNode() ? literal.asText() : literal.toString();
        return switch (operator) {
            case "==" -> text.equals(wanted);
            case "!=" -> !text.equals(wanted);
            case "<" -> text.compareTo(wanted) < 0;
            case "<=" -> text.compareTo(wanted) <= 0;
            case ">" -> text.compareTo(wanted) > 0;
            case ">=" -> text.compareTo(wanted) >= 0;
            default -> throw new InvalidInputException("unknown operator " + operator + " in a jsonpath filter");
        };
    }
}
