package dev.berth.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.error.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A template of {@code -o jsonpath=...}, as kubectl reads it: text, with paths in braces ({@code {.metadata.name}}),
 * quoted strings in braces ({@code {"\t"}}, escapes \t, \n, \r, \\ and \" understood) and
 * {@code {range PATH}...{end}} to repeat a part for each selected element. The values of one path are joined by
 * a space; strings print bare, anything else as compact JSON.
 */
public final class JsonPathTemplate {
    private final List<Part> parts;

    private JsonPathTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    private sealed interface Part permits Text, Value, Range {
    }

    private record Text(String text) implements Part {
    }

    private record Value(JsonPath path) implements Part {
    }

    private record Range(JsonPath path, List<Part> body) implements Part {
    }

    /** Reads a template; a brace not closed, a range not ended or a path not read is a usage error. */
    public static JsonPathTemplate parse(String template) {
        List<List<Part>> open = new ArrayList<>();
        List<JsonPath> ranges = new ArrayList<>();
        List<Part> current = new ArrayList<>();
        int at = 0;
        while (at < template.length()) {
            int brace = template.indexOf('{', at);
            if (brace < 0) {
                current.add(new Text(template.substring(at)));
                break;
            }
            if (brace > at) {
                current.add(new Text(template.substring(at, brace)));
            }
            int close = closing(template, brace);
            String action = template.substring(brace + 1, close).trim();
            at = close + 1;
            if (action.startsWith("range ") || action.equals("range")) {
                open.add(current);
                ranges.add(JsonPath.parse(action.substring("range".length())));
                current = new ArrayList<>();
            } else if (action.equals("end")) {
                if (open.isEmpty()) {
                    throw new InvalidInputException("the jsonpath template \"" + template + "\" has {end} without "
                            + "{range}");
                }
                Range range = new Range(ranges.remove(ranges.size() - 1), current);
                current = open.remove(open.size() - 1);
                current.add(range);
            } else if (action.startsWith("\"") || action.startsWith("'")) {
                current.add(new Text(unquote(action, template)));
            } else {
                current.add(new Value(JsonPath.parse(action)));
            }
        }
        if (!open.isEmpty()) {
            throw new InvalidInputException("the jsonpath template \"" + template + "\" has {range} without {end}");
        }
        return new JsonPathTemplate(current);
    }

    /** The text of the template for {@code document}. */
    public String render(JsonNode document) {
        StringBuilder out = new StringBuilder();
        render(parts, document, document, out);
        return out.toString();
    }

    private static void render(List<Part> parts, JsonNode root, JsonNode current, StringBuilder out) {
        for (Part part : parts) {
            if (part instanceof Text text) {
                out.append(text.text());
            } else if (part instanceof Value value) {
                out.append(value.path().select(root, current).stream()
                        .map(JsonPathTemplate::text).collect(Collectors.joining(" ")));
            } else if (part instanceof Range range) {
                range.path().select(root, current).forEach(element -> {
                    List<JsonNode> each = element.isArray() ? toList(element) : List.of(element);
                    each.forEach(item -> render(range.body(), root, item, out));
                });
            }
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.elements().forEachRemaining(elements::add);
        return elements;
    }

    /** How one selected value prints: a string bare, anything else as compact JSON. */
    static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static int closing(String template, int open) {
        char quote = 0;
        for (int i = open + 1; i < template.length(); i++) {
            char c = template.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        throw new InvalidInputException("the jsonpath template \"" + template + "\" has a { that is not closed");
    }

    private static String unquote(String action, String template) {
        char quote = action.charAt(0);
        if (action.length() < 2 || action.charAt(action.length() - 1) != quote) {
            throw new InvalidInputException("the jsonpath template \"" + template + "\" has an unclosed string "
                    + action);
        }
        String inner = action.substring(1, action.length() - 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                char next = inner.charAt(++i);
                text.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
