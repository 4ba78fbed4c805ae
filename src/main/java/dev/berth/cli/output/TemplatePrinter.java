package dev.berth.cli.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code -o jsonpath=} and {@code -o custom-columns=}: evaluated on the objects as {@code -o json} prints them (one
 * object bare when one was asked for, else a List), so that a path reads the same in both.
 */
final class TemplatePrinter implements Printer {
    private final OutputChoice choice;

    TemplatePrinter(OutputChoice choice) {
        this.choice = choice;
    }

    @Override
    public void print(Listing listing, PrintWriter out, PrintWriter err) {
        if (choice.format() == OutputFormat.JSONPATH) {
            Object document = JsonPrinter.document(listing);
            out.print(JsonPathTemplate.parse(choice.template()).render(Serialization.json().valueToTree(document)));
            out.flush();
            return;
        }
        CustomColumns columns = CustomColumns.parse(choice.template());
        List<Listing.Column> header = columns.headers().stream().map(Listing.Column::of).toList();
        List<Listing.Item> rows = listing.items().stream().map(item -> {
            JsonNode object = Serialization.json().valueToTree(item.object());
            return new Listing.Item(item.name(), columns.cells(object), item.object());
        }).toList();
        Listing table = new Listing(header, rows, listing.single(), listing.emptyMessage(), listing.headers());
        new TablePrinter(false, Palette.PLAIN).print(table, out, err);
    }
}
