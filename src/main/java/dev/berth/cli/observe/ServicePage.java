package dev.berth.cli.observe;

import dev.berth.model.Service;
import dev.berth.proxy.EndpointAddress;
import dev.berth.proxy.PortEndpoints;
import dev.berth.proxy.ServiceEndpoints;
import dev.berth.proxy.ServiceProxyNames;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code describe service}: its selector, the names it is called by, its ports and every endpoint of each. */
final class ServicePage {

    private ServicePage() {
    }

    static String render(ServiceEndpoints endpoints, Instant createdAt, Instant now) {
        Service service = endpoints.service();
        String namespace = endpoints.namespace();
        String name = endpoints.name();
        List<String> names = new ArrayList<>(List.of(name));
        names.addAll(ServiceProxyNames.aliases(namespace, name));
        Description description = new Description()
                .field("Name", name)
                .field("Namespace", namespace)
                .field("Labels", String.join(", ", service.metadata().labels().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList()))
                .field("Selector", ServiceListing.selector(service))
                .field("Type", service.spec().type())
                .field("Called as", String.join(", ", names))
                .field("Age", ServiceListing.age(createdAt, now));
        List<String> ports = new ArrayList<>();
        for (int p = 0; p < endpoints.ports().size(); p++) {
            PortEndpoints port = endpoints.ports().get(p);
            Service.Port declared = service.spec().ports().get(p);
            ports.add((port.name() == null ? "<unnamed>" : port.name()) + "  " + port.port() + "/" + port.protocol()
                    + " -> " + (declared.targetPort() == null ? port.port() : declared.targetPort())
                    + (declared.nodePort() == null ? "" : ", node port " + declared.nodePort()));
            if (port.addresses().isEmpty()) {
                ports.add("  <no endpoints>");
            }
            for (EndpointAddress address : port.addresses()) {
                ports.add("  " + address.hostPort() + "  " + address.node() + "  " + address.pod() + "  "
                        + (address.ready() ? "ready" : "not ready: receives no traffic"));
            }
        }
        return description.block("Ports and endpoints", ports).render();
    }
}
