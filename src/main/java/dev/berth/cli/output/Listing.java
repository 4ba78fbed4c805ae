package dev.berth.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a command hands to a printer: the objects it found or made, each with its table cells
 * (for people), its {@code kind/name} (for {@code -o name}) and the object itself (for json and yaml).
 *
 * @param columns the table's columns; wide columns appear only with {@code -o wide}
 * @param items   the rows, in the order to print
 * @param single  true when the user asked for one object: json/yaml print it bare instead of in a List
 * @param emptyMessage what to tell a person (on stderr) when there are no items
 * @param headers whether a table starts with its headers ({@code --no-headers} leaves them out)
 */
public record Listing(List<Column> columns, List<Item> items, boolean single, String emptyMessage,
                      boolean headers) {

    public Listing {
        columns = List.copyOf(columns);
        items = List.copyOf(items);
    }

    public static Listing of(List<Column> columns, List<Item> items) {
        return new Listing(columns, items, false, "No resources found.", true);
    }

    public Listing asSingle() {
        return new Listing(columns, items, true, emptyMessage, headers);
    }

    public Listing withEmptyMessage(String message) {
        return new Listing(columns, items, single, message, headers);
    }

    public Listing withoutHeaders() {
        return new Listing(columns, items, single, emptyMessage, false);
    }

    /** The same listing with other rows (sorted, filtered or changed), its columns kept. */
    public Listing withItems(List<Item> rows) {
        return new Listing(columns, rows, single, emptyMessage, headers);
    }

    /** The same listing with a column added at the end, each row's cell made by {@code cell}. */
    public Listing withColumn(Column column, Function<Item, String> cell) {
        List<Column> more = new ArrayList<>(columns);
        more.add(column);
        List<Item> rows = items.stream().map(item -> {
            List<String> cells = new ArrayList<>(item.cells());
            while (cells.size() < columns.size()) {
                cells.add("");
            }
            cells.add(cell.apply(item));
            return new Item(item.name(), cells, item.object());
        }).toList();
        return new Listing(more, rows, single, emptyMessage, headers);
    }

    /** The same listing whose NAME cells are each row's {@code kind/name}, as kubectl shows several kinds. */
    public Listing withKindInNames() {
        int name = columns.indexOf(Column.of("NAME"));
        if (name < 0) {
            return this;
        }
        return withItems(items.stream().map(item -> {
            List<String> cells = new ArrayList<>(item.cells());
            cells.set(name, item.name());
            return new Item(item.name(), cells, item.object());
        }).toList());
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
