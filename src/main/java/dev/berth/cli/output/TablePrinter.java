package dev.berth.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns like kubectl: upper-case headers, three spaces between columns, no trailing blanks. The words
 * of a STATUS column are coloured by the palette; columns are padded by what a terminal shows, so colour never
 * breaks the alignment.
 */
final class TablePrinter implements Printer {
    private static final String GAP = "   ";
    private static final String STATUS = "STATUS";
    private final boolean wide;
    private final Palette palette;

    TablePrinter(boolean wide, Palette palette) {
        this.wide = wide;
        this.palette = palette;
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
        if (listing.headers()) {
            lines.add(shown.stream().map(i -> listing.columns().get(i).header()).toList());
        }
        for (Listing.Item item : listing.items()) {
            lines.add(shown.stream().map(i -> cell(listing, item, i)).toList());
        }
        int[] widths = new int[shown.size()];
        for (List<String> line : lines) {
            for (int c = 0; c < line.size(); c++) {
                widths[c] = Math.max(widths[c], Palette.width(line.get(c)));
            }
        }
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.size(); c++) {
                String cell = line.get(c);
                text.append(cell);
                if (c < line.size() - 1) {
                    text.append(" ".repeat(widths[c] - Palette.width(cell))).append(GAP);
                }
            }
            out.println(text.toString().stripTrailing());
        }
        out.flush();
    }

    private String cell(Listing listing, Listing.Item item, int column) {
        String text = column < item.cells().size() ? item.cells().get(column) : "";
        return listing.columns().get(column).header().equals(STATUS) ? palette.status(text) : text;
    }
}
