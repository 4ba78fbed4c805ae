package dev.berth.cli.observe;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.model.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The table of {@code get services}, kubectl's columns. berth gives a Service no virtual IP: callers reach it by
 * its name through the node's proxy, so CLUSTER-IP is {@code <none>}, and so is EXTERNAL-IP. AGE counts from its
 * oldest proxy container. {@code -o json|yaml} print the Service as stored.
 */
final class ServiceListing {

    private ServiceListing() {
    }

    static Listing of(RoutedObjects routed, List<Service> services, boolean allNamespaces, Instant now) {
        List<Column> columns = new ArrayList<>();
        if (allNamespaces) {
            columns.add(Column.of("NAMESPACE"));
        }
        columns.addAll(List.of(Column.of("NAME"), Column.of("TYPE"), Column.of("CLUSTER-IP"), Column.of("EXTERNAL-IP"),
                Column.of("PORT(S)"), Column.of("AGE"), Column.wide("SELECTOR")));
        List<Listing.Item> items = new ArrayList<>();
        for (Service service : services) {
            List<String> cells = new ArrayList<>();
            if (allNamespaces) {
                cells.add(RoutedObjects.namespace(service));
            }
            cells.addAll(List.of(service.metadata().name(), service.spec().type(), "<none>", "<none>", ports(service),
                    age(routed.createdAt(service), now), selector(service)));
            items.add(new Listing.Item("service/" + service.metadata().name(), cells, service));
        }
        return Listing.of(columns, items);
    }

    /** {@code 80/TCP}, or {@code 80:30080/TCP} with a node port, comma-separated. */
    static String ports(Service service) {
        String ports = service.spec().ports().stream()
                .map(p -> p.port() + (p.nodePort() == null ? "" : ":" + p.nodePort()) + "/" + p.protocol())
                .collect(Collectors.joining(","));
        return ports.isEmpty() ? "<none>" : ports;
    }

    static String selector(Service service) {
        String selector = service.spec().selector().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        return selector.isEmpty() ? "<none>" : selector;
    }

    static String age(Instant since, Instant now) {
        return since == null ? "<unknown>" : Humanize.age(Duration.between(since, now));
    }
}
