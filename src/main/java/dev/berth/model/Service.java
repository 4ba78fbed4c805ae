package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A Service (v1): a stable name in front of the replicas its selector matches. */
public record Service(String apiVersion, String kind, ObjectMeta metadata, Spec spec) implements Resource {
    public static final String API_VERSION = "v1";
    public static final String KIND = "Service";

    /** ClusterIP or NodePort, the selector and the ports. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Spec(String type, Map<String, String> selector, List<Port> ports) {
        public Spec {
            selector = Maps.copy(selector);
            ports = Maps.copy(ports);
        }
    }

    /** A port of the Service and the container port (number or name) it forwards to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Port(String name, String protocol, int port, IntOrString targetPort, Integer nodePort) {
    }

    @Override
    public String summary() {
        return spec.type() + " " + spec.ports().stream()
                .map(p -> p.port() + (p.nodePort() == null ? "" : ":" + p.nodePort()) + "/" + p.protocol())
                .collect(Collectors.joining(","));
    }

    @Override
    public Service inNamespace(String namespace) {
        return new Service(apiVersion, kind, metadata.inNamespace(namespace), spec);
    }
}
