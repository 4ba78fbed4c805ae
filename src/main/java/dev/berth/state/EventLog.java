package dev.berth.state;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The events berth's runs recorded, oldest first, kept on the state nodes next to the record
 * ({@code state/events.json}) and read only by the verbs that show them. Bounded: beyond {@link #LIMIT} the oldest
 * are dropped. Each write raises {@code generation} by one, as the record's do.
 */
@JsonPropertyOrder({"generation", "events"})
public record EventLog(long generation, List<ClusterEvent> events) {
    /** How many events the cluster keeps. */
    public static final int LIMIT = 500;

    public EventLog {
        if (generation < 0) {
            throw new IllegalArgumentException("a generation cannot be negative, got " + generation);
        }
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static EventLog empty() {
        return new EventLog(0, List.of());
    }

    /**
     * This log with {@code happened} added: an event that is one already kept again is folded into it (its count
     * raised, its last timestamp moved, and it moves to the end as the newest); then at most {@code limit} of the
     * newest are kept.
     */
    public EventLog with(List<ClusterEvent> happened, int limit) {
        List<ClusterEvent> next = new ArrayList<>(events);
        for (ClusterEvent event : happened) {
            ClusterEvent folded = event;
            for (int i = next.size() - 1; i >= 0; i--) {
                if (next.get(i).sameAs(event)) {
                    folded = next.remove(i).again(event);
                    break;
                }
            }
            next.add(folded);
        }
        next.sort(Comparator.comparing(ClusterEvent::lastTimestamp));
        List<ClusterEvent> kept = next.size() > limit ? next.subList(next.size() - limit, next.size()) : next;
        return new EventLog(generation, kept);
    }

    /** The log that follows this one on the state nodes. */
    EventLog successor() {
        return new EventLog(generation + 1, events);
    }
}
