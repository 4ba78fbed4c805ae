package dev.berth.cli.observe;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.model.Ingress;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The table of {@code get ingresses}, kubectl's columns: ADDRESS is where the edge serves them (the addresses of
 * the nodes with role edge), PORTS 80, or 80, 443 when the Ingress has TLS. The stored record keeps no creation
 * time of an Ingress, so AGE is {@code <unknown>}. {@code -o json|yaml} print the Ingress as stored.
 */
final class IngressListing {

    private IngressListing() {
    }

    static Listing of(RoutedObjects routed, List<Ingress> ingresses, boolean allNamespaces) {
        List<Column> columns = new ArrayList<>();
        if (allNamespaces) {
            columns.add(Column.of("NAMESPACE"));
        }
        columns.addAll(List.of(Column.of("NAME"), Column.of("CLASS"), Column.of("HOSTS"), Column.of("ADDRESS"),
                Column.of("PORTS"), Column.of("AGE")));
        String address = routed.edgeAddresses().isEmpty() ? "<none>" : String.join(",", routed.edgeAddresses());
        List<Listing.Item> items = new ArrayList<>();
        for (Ingress ingress : ingresses) {
            List<String> cells = new ArrayList<>();
            if (allNamespaces) {
                cells.add(RoutedObjects.namespace(ingress));
            }
            cells.addAll(List.of(ingress.metadata().name(),
                    Objects.requireNonNullElse(ingress.spec().ingressClassName(), "<none>"), hosts(ingress), address,
                    ingress.spec().tls().isEmpty() ? "80" : "80, 443", "<unknown>"));
            items.add(new Listing.Item("ingress.networking.k8s.io/" + ingress.metadata().name(), cells, ingress));
        }
        return Listing.of(columns, items);
    }

    static String hosts(Ingress ingress) {
        String hosts = ingress.spec().rules().stream().map(r -> r.host() == null ? "*" : r.host()).distinct()
                .collect(Collectors.joining(","));
        return hosts.isEmpty() ? "*" : hosts;
    }
}
