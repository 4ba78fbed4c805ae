package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** An Ingress (networking.k8s.io/v1): HTTP routes from host and path to Services. */
public record Ingress(String apiVersion, String kind, ObjectMeta metadata, Spec spec) implements Resource {
    public static final String API_VERSION = "networking.k8s.io/v1";
    public static final String KIND = "Ingress";

    /** Rules, TLS and the backend for requests that match no rule. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Spec(String ingressClassName, Backend defaultBackend, List<Tls> tls, List<Rule> rules) {
        public Spec {
            tls = Maps.copy(tls);
            rules = Maps.copy(rules);
        }
    }

    /** A Service and one of its ports. */
    public record Backend(ServiceBackend service) {
    }

    /** The Service a path goes to. */
    public record ServiceBackend(String name, BackendPort port) {
    }

    /** A Service port by number or by name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BackendPort(Integer number, String name) {
    }

    /** Hosts served over TLS with the certificate in a Secret. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Tls(List<String> hosts, String secretName) {
        public Tls {
            hosts = Maps.copy(hosts);
        }
    }

    /** The paths of one host (or of every host when host is absent). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String host, Http http) {
    }

    /** The paths of a rule. */
    public record Http(List<Path> paths) {
        public Http {
            paths = Maps.copy(paths);
        }
    }

    /** A path, how it matches (Exact, Prefix, ImplementationSpecific) and its backend. */
    public record Path(String path, String pathType, Backend backend) {
    }

    @Override
    public String summary() {
        String hosts = spec.rules().stream().map(Rule::host).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(","));
        return "hosts " + (hosts.isEmpty() ? "*" : hosts);
    }

    @Override
    public Ingress inNamespace(String namespace) {
        return new Ingress(apiVersion, kind, metadata.inNamespace(namespace), spec);
    }
}
