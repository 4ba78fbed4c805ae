package dev.berth.cli.observe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.state.ClusterEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The table of {@code get events}, kubectl's columns ({@code LAST SEEN TYPE REASON OBJECT MESSAGE}; {@code -o wide}
 * adds the source, first seen, count and name), oldest first; each row's object is a core/v1 Event.
 */
final class EventListing {

    private EventListing() {
    }

    static Listing of(List<ClusterEvent> events, boolean allNamespaces, Instant now) {
        List<Column> columns = new ArrayList<>();
        if (allNamespaces) {
            columns.add(Column.of("NAMESPACE"));
        }
        columns.addAll(List.of(Column.of("LAST SEEN"), Column.of("TYPE"), Column.of("REASON"), Column.of("OBJECT"),
                Column.wide("SOURCE"), Column.of("MESSAGE"), Column.wide("FIRST SEEN"), Column.wide("COUNT"),
                Column.wide("NAME")));
        List<Listing.Item> items = new ArrayList<>();
        for (ClusterEvent event : events.stream().sorted(Comparator.comparing(ClusterEvent::lastTimestamp)).toList()) {
            List<String> cells = new ArrayList<>();
            if (allNamespaces) {
                cells.add(event.listedIn());
            }
            cells.addAll(List.of(age(event.lastTimestamp(), now), event.type(), event.reason(), object(event),
                    source(event), event.message(), age(event.firstTimestamp(), now), String.valueOf(event.count()),
                    name(event)));
            items.add(new Listing.Item("event/" + name(event), cells, object(event, now)));
        }
        return Listing.of(columns, items);
    }

    /** {@code pod/web-x7k2p}, {@code deployment/web}, {@code node/node-2}: kubectl's OBJECT column. */
    static String object(ClusterEvent event) {
        return event.kind().toLowerCase(Locale.ROOT) + "/" + event.name();
    }

    /** {@code berth, node-2}, or {@code berth} when it is about no one node. */
    static String source(ClusterEvent event) {
        return ClusterEvent.COMPONENT + (event.node().isEmpty() ? "" : ", " + event.node());
    }

    /**
     * The Event's name, as Kubernetes makes it: its object's name and 16 hex digits, here derived from what the
     * event is and when it first happened, so that it stays the same while it is counted again.
     */
    static String name(ClusterEvent event) {
        String seed = event.type() + "/" + event.reason() + "/" + event.kind() + "/" + event.namespace() + "/"
                + event.name() + "/" + event.message() + "/" + event.node() + "/" + event.firstTimestamp();
        long bits = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        return event.name() + "." + String.format("%016x", bits);
    }

    /** The event as Kubernetes prints a core/v1 Event. */
    static ObjectNode object(ClusterEvent event, Instant now) {
        ObjectNode object = KubernetesObjects.object("v1", "Event");
        KubernetesObjects.metadata(object, "Event", name(event), event.listedIn(), Map.of(), Map.of(),
                event.firstTimestamp(), null);
        ObjectNode involved = object.putObject("involvedObject");
        involved.put("apiVersion", event.kind().equals("Deployment") ? "apps/v1" : "v1");
        involved.put("kind", event.kind());
        if (!event.namespace().isEmpty()) {
            involved.put("namespace", event.namespace());
        }
        involved.put("name", event.name());
        object.put("reason", event.reason());
        object.put("message", event.message());
        ObjectNode source = object.putObject("source");
        source.put("component", ClusterEvent.COMPONENT);
        if (!event.node().isEmpty()) {
            source.put("host", event.node());
        }
        object.put("firstTimestamp", KubernetesObjects.time(event.firstTimestamp()));
        object.put("lastTimestamp", KubernetesObjects.time(event.lastTimestamp()));
        object.put("count", event.count());
        object.put("type", event.type());
        object.put("reportingComponent", ClusterEvent.COMPONENT);
        if (!event.node().isEmpty()) {
            object.put("reportingInstance", event.node());
        }
        return object;
    }

    private static String age(Instant at, Instant now) {
        return Humanize.age(Duration.between(at, now).isNegative() ? Duration.ZERO : Duration.between(at, now));
    }
}
