package dev.berth.cli.observe;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import dev.berth.model.PublishedPort;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The table of {@code get pods}: one row per replica, wherever it runs. */
final class PodListing {

    private PodListing() {
    }

    static Listing of(List<ObservedPod> pods, Map<String, String> nodeAddresses, boolean allNamespaces,
                           Instant now) {
        return of(pods, List.of(), nodeAddresses, allNamespaces, now);
    }

    /**
     * The running pods, then one row per replica that does not run: READY 0/n, STATUS Pending (NODE {@code <none>})
     * or ErrImagePull (on the node its start failed on), no age.
     */
    static Listing of(List<ObservedPod> pods, List<PendingPod> pending, Map<String, String> nodeAddresses,
                           boolean allNamespaces, Instant now) {
        List<Column> columns = new ArrayList<>();
        if (allNamespaces) {
            columns.add(Column.of("NAMESPACE"));
        }
        columns.addAll(List.of(Column.of("NAME"), Column.of("READY"), Column.of("STATUS"), Column.of("RESTARTS"),
                Column.of("AGE"), Column.of("NODE"), Column.wide("ADDRESS"), Column.wide("PORTS"),
                Column.wide("IMAGES")));
        List<Listing.Item> items = new ArrayList<>();
        for (ObservedPod pod : pods) {
            String address = nodeAddresses.getOrDefault(pod.node(), "");
            List<String> cells = new ArrayList<>();
            if (allNamespaces) {
                cells.add(pod.namespace());
            }
            cells.addAll(List.of(pod.name(), ready(pod), pod.status(), String.valueOf(pod.restarts()),
                    pod.createdAt() == null ? "<unknown>" : Humanize.age(Duration.between(pod.createdAt(), now)),
                    pod.node(), address, ports(pod), images(pod)));
            items.add(new Listing.Item("pod/" + pod.name(), cells, PodObject.of(pod, address)));
        }
        for (PendingPod pod : pending) {
            List<String> cells = new ArrayList<>();
            if (allNamespaces) {
                cells.add(pod.namespace());
            }
            String ready = "0/" + pod.containers();
            cells.addAll(List.of(pod.name(), ready, pod.status(), "0", "<none>",
                    pod.node() == null ? "<none>" : pod.node(), "<none>", "<none>",
                    pod.images().isEmpty() ? "<none>" : String.join(",", pod.images().values())));
            items.add(new Listing.Item("pod/" + pod.name(), cells, PodObject.pending(pod)));
        }
        return Listing.of(columns, items);
    }

    private static String ready(ObservedPod pod) {
        return pod.readyContainers() + "/" + pod.containers().size();
    }

    private static String ports(ObservedPod pod) {
        String ports = pod.containers().stream().flatMap(c -> c.ports().stream()).map(PublishedPort::toString)
                .collect(Collectors.joining(","));
        return ports.isEmpty() ? "<none>" : ports;
    }

    private static String images(ObservedPod pod) {
        return pod.containers().stream().map(ObservedContainer::image).collect(Collectors.joining(","));
    }
}
