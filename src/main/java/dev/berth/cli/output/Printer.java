package dev.berth.cli.output;

import java.io.PrintWriter;

/** Writes a listing in one format. Commands never format output themselves. */
public interface Printer {

    void print(Listing listing, PrintWriter out, PrintWriter err);

    /** The printer of {@code format}, without colour. */
    static Printer forFormat(OutputFormat format) {
        return forFormat(format, Palette.PLAIN);
    }

    /** The printer of {@code format}; tables colour their status words with {@code palette}. */
    static Printer forFormat(OutputFormat format, Palette palette) {
        return switch (format) {
            case TABLE -> new TablePrinter(false, palette);
            case WIDE -> new TablePrinter(true, palette);
            case JSON -> new JsonPrinter();
            case YAML -> new YamlPrinter();
            case NAME -> new NamePrinter();
            case JSONPATH, CUSTOM_COLUMNS -> throw new IllegalArgumentException(format.flag() + " needs a template");
        };
    }

    /** The printer of what {@code -o} asked for, templates included. */
    static Printer forChoice(OutputChoice choice, Palette palette) {
        return choice.format().templated() ? new TemplatePrinter(choice) : forFormat(choice.format(), palette);
    }
}
