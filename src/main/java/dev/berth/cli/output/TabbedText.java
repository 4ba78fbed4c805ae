package dev.berth.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines whose cells are separated by tabs, aligned as kubectl's tabwriter aligns them: a cell is padded to the
 * widest cell of its column plus two spaces, a column running over consecutive lines that have a cell after it;
 * the last cell of a line is never padded. What {@code rollout history} and its pod template view print.
 */
public final class TabbedText {
    private static final int PADDING = 2;
    private final List<String[]> lines = new ArrayList<>();

    /** Adds one line; {@code \t} separates its cells. */
    public TabbedText line(String text) {
        lines.add(text.split("\t", -1));
        return this;
    }

    /** The aligned lines, each ending with a newline and without trailing blanks. */
    public String render() {
        int[][] widths = new int[lines.size()][];
        for (int i = 0; i < lines.size(); i++) {
            widths[i] = new int[lines.get(i).length];
        }
        align(0, lines.size(), 0, widths);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cells.length; c++) {
                line.append(cells[c]);
                if (c < cells.length - 1) {
                    line.append(" ".repeat(widths[i][c] - cells[c].length()));
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** Sets the widths of {@code column} in lines {@code from} to {@code to}, then of the columns after it. */
    private void align(int from, int to, int column, int[][] widths) {
        int i = from;
        while (i < to) {
            if (lines.get(i).length <= column + 1) {
                i++;
                continue;
            }
            int end = i;
            int width = 0;
            while (end < to && lines.get(end).length > column + 1) {
                width = Math.max(width, lines.get(end)[column].length() + PADDING);
                end++;
            }
            for (int j = i; j < end; j++) {
                widths[j][column] = width;
            }
            align(i, end, column + 1, widths);
            i = end;
        }
    }
}
