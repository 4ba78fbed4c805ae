package dev.berth.cli.observe;

import java.util.ArrayList;
import java.util.List;

/** kubectl describe's layout: aligned {@code Key:  value} lines, nested blocks indented by two spaces. */
final class Description {
    private final List<String[]> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    Description field(String key, String value) {
        lines.add(new String[] {key, value == null || value.isEmpty() ? "<none>" : value});
        return this;
    }

    /** Writes the fields so far, aligned, then a block of pre-formatted lines under a heading. */
    Description block(String heading, List<String> body) {
        flushFields();
        text.append(heading).append(":\n");
        if (body.isEmpty()) {
            text.append("  <none>\n");
        }
        body.forEach(line -> text.append(line.isEmpty() ? "" : "  ").append(line).append('\n'));
        return this;
    }

    /** Writes the fields so far, then {@code section}'s lines as they are (ending with a newline). */
    Description section(String section) {
        flushFields();
        text.append(section);
        if (!section.isEmpty() && !section.endsWith("\n")) {
            text.append('\n');
        }
        return this;
    }

    /** Writes the fields so far, then kubectl's {@code Events:} table, or {@code Events:  <none>}. */
    Description events(List<String> table) {
        flushFields();
        if (table.isEmpty()) {
            text.append("Events:  <none>\n");
            return this;
        }
        return block("Events", table);
    }

    String render() {
        flushFields();
        return text.toString();
    }

    private void flushFields() {
        int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0) + 2;
        for (String[] line : lines) {
            text.append(line[0]).append(':').append(" ".repeat(width - line[0].length() - 1)).append(line[1])
                    .append('\n');
        }
        lines.clear();
    }
}
