package dev.berth.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.error.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName}: one column per {@code HEADER:PATH}, the path
 * with or without braces, evaluated on each object. Several values of one path are joined by commas; none shows
 * {@code <none>}, as kubectl shows them.
 */
public record CustomColumns(List<String> headers, List<JsonPath> paths) {

    public CustomColumns {
        headers = List.copyOf(headers);
        paths = List.copyOf(paths);
    }

    public static CustomColumns parse(String spec) {
        List<String> headers = new ArrayList<>();
        List<JsonPath> paths = new ArrayList<>();
        for (String column : spec.split(",")) {
            int colon = column.indexOf(':');
            if (colon <= 0 || colon == column.length() - 1) {
                throw new InvalidInputException("custom-columns takes HEADER:PATH pairs separated by commas, e.g. "
                        + "NAME:.metadata.name; not \"" + column + "\"");
            }
            String path = column.substring(colon + 1).trim();
            if (path.startsWith("{") && path.endsWith("}")) {
                path = path.substring(1, path.length() - 1);
            }
            headers.add(column.substring(0, colon).trim());
            paths.add(JsonPath.parse(path));
        }
        return new CustomColumns(headers, paths);
    }

    /** The cells of one object. */
    public List<String> cells(JsonNode object) {
        return paths.stream().map(path -> {
            List<JsonNode> values = path.select(object, object).stream().filter(v -> !v.isNull()).toList();
            return values.isEmpty() ? "<none>"
                    : values.stream().map(JsonPathTemplate::text).collect(Collectors.joining(","));
        }).toList();
    }
}
