package dev.berth.cli.output;

import java.util.List;

/**
 * What a command hands to a printer: the objects it found or made, each with its table cells
 * (for people), its {@code kind/name} (for {@code -o name}) and the object itself (for json and yaml).
 *
 * @param columns the table's columns; wide columns appear only with {@code -o wide}
 * @param items   the rows, in the order to print
 * @param single  true when the user asked for one object: json/yaml print it bare instead of in a List
 * @param emptyMessage what to tell a person (on stderr) when there are no items
 */
public record Listing(List<Column> columns, List<Item> items, boolean single, String emptyMessage) {

    public Listing {
        columns = List.copyOf(columns);
        items = List.copyOf(items);
    }

    public static Listing of(List<Column> columns, List<Item> items) {
        return new Listing(columns, items, false, "No resources found.");
    }

    public Listing asSingle() {
        return new Listing(columns, items, true, emptyMessage);
    }

    public Listing withEmptyMessage(String message) {
        return new Listing(columns, items, single, message);
    }

    /** A table column. */
    public record Column(String header, boolean wide) {
        public static Column of(String header) {
            return new Column(header, false);
        }

        public static Column wide(String header) {
            return new Column(header, true);
        }
    }

    /** One object: its {@code kind/name}, its table cells (one per column) and the object to serialize. */
    public record Item(String name, List<String> cells, Object object) {
        public Item {
            cells = List.copyOf(cells);
        }
    }
}
