package dev.berth.cli.output;

import java.io.PrintWriter;

/** Writes a listing in one format. Commands never format output themselves. */
public interface Printer {

    void print(Listing listing, PrintWriter out, PrintWriter err);

    static Printer forFormat(OutputFormat format) {
        return switch (format) {
            case TABLE -> new TablePrinter(false);
            case WIDE -> new TablePrinter(true);
            case JSON -> new JsonPrinter();
            case YAML -> new YamlPrinter();
            case NAME -> new NamePrinter();
        };
    }
}
