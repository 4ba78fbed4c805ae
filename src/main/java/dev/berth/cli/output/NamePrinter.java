package dev.berth.cli.output;

import java.io.PrintWriter;

/** {@code -o name}: one {@code kind/name} per line, for scripts. */
final class NamePrinter implements Printer {
    @Override
    public void print(Listing listing, PrintWriter out, PrintWriter err) {
        listing.items().forEach(item -> out.println(item.name()));
        out.flush();
    }
}
