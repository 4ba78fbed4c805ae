package dev.berth.cli.observe;

import dev.berth.state.ClusterEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code Events:} table of {@code describe}, as kubectl prints it: {@code Type Reason Age From Message} under
 * a ruled header, oldest first; a repeated event's age reads {@code 3m (x4 over 10m)}.
 */
final class EventTable {
    private static final String GAP = "  ";

    private EventTable() {
    }

    /** The table's lines, without the {@code Events:} heading; none when there are no events. */
    static List<String> lines(List<ClusterEvent> events, Instant now) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Type", "Reason", "Age", "From", "Message"});
        rows.add(new String[] {"----", "------", "----", "----", "-------"});
        for (ClusterEvent event : events.stream().sorted(Comparator.comparing(ClusterEvent::lastTimestamp)).toList()) {
            rows.add(new String[] {event.type(), event.reason(), age(event, now), EventListing.source(event),
                    event.message()});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                line.append(row[c]).append(" ".repeat(widths[c] - row[c].length())).append(GAP);
            }
            lines.add(line.append(row[4]).toString().stripTrailing());
        }
        return lines;
    }

    /** {@code 5m}, or {@code 5m (x3 over 20m)} for an event seen more than once. */
    static String age(ClusterEvent event, Instant now) {
        String last = Humanize.age(since(event.lastTimestamp(), now));
        return event.count() == 1 ? last
                : last + " (x" + event.count() + " over " + Humanize.age(since(event.firstTimestamp(), now)) + ")";
    }

    private static Duration since(Instant at, Instant now) {
        Duration age = Duration.between(at, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
