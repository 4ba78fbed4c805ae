package dev.berth.proxy;

import dev.berth.model.Ingress;
import dev.berth.model.Service;

import java.util.List;
import java.util.Optional;

/** A Service and, for each of its ports in the order written, the replicas its selector matches. */
public record ServiceEndpoints(Service service, List<PortEndpoints> ports) {

    public ServiceEndpoints {
        ports = List.copyOf(ports);
    }

    public String namespace() {
        return Endpoints.namespace(service.metadata());
    }

    public String name() {
        return service.metadata().name();
    }

    /** The port an Ingress backend names, by number or by name. */
    public Optional<PortEndpoints> port(Ingress.BackendPort port) {
        return ports.stream().filter(p -> port.number() != null ? p.port() == port.number()
                : port.name() != null && port.name().equals(p.name())).findFirst();
    }
}
