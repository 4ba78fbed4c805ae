package dev.berth.cli.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * kubectl's table options, applied to any listing whose objects carry {@code metadata.labels} (or {@code labels}):
 * {@code --sort-by} a path of the objects as {@code -o json} prints them, {@code --show-labels}, {@code -L KEY}
 * and {@code --no-headers}.
 */
public record ListingShape(boolean showLabels, List<String> labelColumns, JsonPath sortBy, boolean noHeaders) {
    public static final ListingShape PLAIN = new ListingShape(false, List.of(), null, false);

    public ListingShape {
        labelColumns = List.copyOf(labelColumns);
    }

    public Listing apply(Listing listing) {
        Listing shaped = listing;
        if (sortBy != null) {
            List<Listing.Item> rows = new ArrayList<>(shaped.items());
            rows.sort(Comparator.comparing(item -> key(sortBy.select(tree(item), tree(item))), ListingShape::compare));
            shaped = shaped.withItems(rows);
        }
        for (String key : labelColumns) {
            String header = key.substring(key.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT);
            shaped = shaped.withColumn(Listing.Column.of(header), item -> labels(item).getOrDefault(key, ""));
        }
        if (showLabels) {
            shaped = shaped.withColumn(Listing.Column.of("LABELS"), item -> {
                Map<String, String> labels = labels(item);
                return labels.isEmpty() ? "<none>" : String.join(",", labels.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList());
            });
        }
        return noHeaders ? shaped.withoutHeaders() : shaped;
    }

    private static JsonNode tree(Listing.Item item) {
        return Serialization.json().valueToTree(item.object());
    }

    /** The labels of an object, sorted by key. */
    static Map<String, String> labels(Listing.Item item) {
        JsonNode tree = tree(item);
        JsonNode labels = tree.path("metadata").path("labels");
        if (!labels.isObject()) {
            labels = tree.path("labels");
        }
        Map<String, String> sorted = new TreeMap<>();
        labels.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        return sorted;
    }

    private static JsonNode key(List<JsonNode> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    /** Missing first, then numbers by value, then everything else by its text. */
    private static int compare(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a.isNumber() != b.isNumber()) {
            return a.isNumber() ? -1 : 1;
        }
        return JsonPathTemplate.text(a).compareTo(JsonPathTemplate.text(b));
    }
}
