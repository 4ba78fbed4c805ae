package dev.berth.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Aligned columns like kubectl: upper-case headers, three spaces between columns, no trailing blanks. */
final class TablePrinter implements Printer {
    private static final String GAP = "   ";
    private final boolean wide;

    TablePrinter(boolean wide) {
        this.wide = wide;
    }

    @Override
    public void print(Listing listing, PrintWriter out, PrintWriter err) {
        if (listing.items().isEmpty()) {
            err.println(listing.emptyMessage());
            err.flush();
            return;
        }
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < listing.columns().size(); i++) {
            if (wide || !listing.columns().get(i).wide()) {
                shown.add(i);
            }
        }
        List<List<String>> lines = new ArrayList<>();
        lines.add(shown.stream().map(i -> listing.columns().get(i).header()).toList());
        for (Listing.Item item : listing.items()) {
            lines.add(shown.stream().map(i -> i < item.cells().size() ? item.cells().get(i) : "").toList());
        }
        int[] widths = new int[shown.size()];
        for (List<String> line : lines) {
            for (int c = 0; c < line.size(); c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.size(); c++) {
                String cell = line.get(c);
                text.append(cell);
                if (c < line.size() - 1) {
                    text.append(" ".repeat(widths[c] - cell.length())).append(GAP);
                }
            }
            out.println(text.toString().stripTrailing());
        }
        out.flush();
    }
}
