package dev.berth.cli.observe;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.model.ObjectMeta;
import dev.berth.proxy.EndpointAddress;
import dev.berth.proxy.PortEndpoints;
import dev.berth.proxy.ServiceEndpoints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The table of {@code get endpoints}: for each Service, the {@code address:port} of every ready replica behind
 * any of its ports (kubectl's ENDPOINTS); {@code -o wide} adds every replica, ready or not, with its node as
 * {@code node/address:port/ready}. {@code -o json|yaml} print Kubernetes' Endpoints object: one subset per
 * replica and port, since each replica is reached at a host port of its own.
 */
final class EndpointsListing {

    private EndpointsListing() {
    }

    /** Kubernetes' v1 Endpoints, as berth fills it. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record EndpointsDocument(String apiVersion, String kind, ObjectMeta metadata, List<Subset> subsets) {
    }

    /** Addresses that share their ports. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Subset(List<Address> addresses, List<Address> notReadyAddresses, List<Port> ports) {
    }

    /** A replica's address, its node and the pod it is. */
    record Address(String ip, String nodeName, Target targetRef) {
    }

    /** The pod behind an address. */
    record Target(String kind, String namespace, String name) {
    }

    /** A port of a subset: the Service port's name, the published port and its protocol. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Port(String name, int port, String protocol) {
    }

    static Listing of(RoutedObjects routed, List<ServiceEndpoints> services, boolean allNamespaces, Instant now) {
        List<Column> columns = new ArrayList<>();
        if (allNamespaces) {
            columns.add(Column.of("NAMESPACE"));
        }
        columns.addAll(List.of(Column.of("NAME"), Column.of("ENDPOINTS"), Column.of("AGE"), Column.wide("BACKENDS")));
        List<Listing.Item> items = new ArrayList<>();
        for (ServiceEndpoints service : services) {
            List<String> cells = new ArrayList<>();
            if (allNamespaces) {
                cells.add(service.namespace());
            }
            List<EndpointAddress> all = service.ports().stream().flatMap(p -> p.addresses().stream()).toList();
            String ready = all.stream().filter(EndpointAddress::ready).map(EndpointAddress::hostPort).distinct()
                    .collect(Collectors.joining(","));
            String backends = all.stream().map(a -> a.node() + "/" + a.hostPort() + "/"
                    + (a.ready() ? "ready" : "not-ready")).distinct().collect(Collectors.joining(","));
            cells.addAll(List.of(service.name(), ready.isEmpty() ? "<none>" : ready,
                    ServiceListing.age(routed.createdAt(service.service()), now),
                    backends.isEmpty() ? "<none>" : backends));
            items.add(new Listing.Item("endpoints/" + service.name(), cells, document(service)));
        }
        return Listing.of(columns, items);
    }

    private static EndpointsDocument document(ServiceEndpoints service) {
        List<Subset> subsets = new ArrayList<>();
        for (PortEndpoints port : service.ports()) {
            for (EndpointAddress address : port.addresses()) {
                Address shown = new Address(address.address(), address.node(),
                        new Target("Pod", service.namespace(), address.pod()));
                subsets.add(new Subset(address.ready() ? List.of(shown) : List.of(),
                        address.ready() ? List.of() : List.of(shown),
                        List.of(new Port(port.name(), address.port(), port.protocol()))));
            }
        }
        return new EndpointsDocument("v1", "Endpoints",
                new ObjectMeta(service.name(), service.namespace(), null, null), subsets);
    }
}
