package dev.berth.cli.observe;

import dev.berth.model.Ingress;
import dev.berth.proxy.EdgeRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@code describe ingress}: its rules and TLS as written, and the nginx server blocks the edge serves them with. */
final class IngressPage {

    private IngressPage() {
    }

    static String render(Ingress ingress, RoutedObjects routed, EdgeRenderer edge) {
        Description description = new Description()
                .field("Name", ingress.metadata().name())
                .field("Namespace", RoutedObjects.namespace(ingress))
                .field("Class", Objects.requireNonNullElse(ingress.spec().ingressClassName(), "<none>"))
                .field("Address", String.join(",", routed.edgeAddresses()))
                .field("Default backend", backend(ingress.spec().defaultBackend()));
        List<String> tls = new ArrayList<>();
        ingress.spec().tls().forEach(entry -> tls.add(entry.secretName() + " terminates "
                + (entry.hosts().isEmpty() ? "its hosts" : String.join(",", entry.hosts()))));
        description.block("TLS", tls);
        List<String> rules = new ArrayList<>();
        for (Ingress.Rule rule : ingress.spec().rules()) {
            rules.add(rule.host() == null ? "*" : rule.host());
            if (rule.http() != null) {
                rule.http().paths().forEach(path -> rules.add("  " + path.path() + " (" + path.pathType() + ")  "
                        + backend(path.backend())));
            }
        }
        description.block("Rules", rules);
        String blocks = edge.excerpt(ingress, routed.ingresses(), routed.endpoints(), routed.secrets());
        return description.block("Nginx", blocks.lines().toList()).render();
    }

    private static String backend(Ingress.Backend backend) {
        if (backend == null || backend.service() == null) {
            return "<none>";
        }
        Ingress.BackendPort port = backend.service().port();
        return backend.service().name() + ":" + (port == null ? "" : port.number() != null ? port.number() : port.name());
    }
}
