package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Names;
import dev.berth.manifest.schema.Rule;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.Ingress;
import dev.berth.model.Resource;

import java.util.ArrayList;
import java.util.List;

/** Reads an Ingress (networking.k8s.io/v1): host and path rules to Service backends, and TLS. */
final class IngressReader implements KindReader {
    static final Shape ROOT = Shape.of("apiVersion", "kind", "metadata", "spec").ignoring("status");
    static final Shape SPEC = Shape.of("ingressClassName", "defaultBackend", "tls", "rules");
    static final Shape BACKEND = Shape.of("service").unsupported("resource");
    static final Shape SERVICE = Shape.of("name", "port");
    static final Shape PORT = Shape.of("number", "name");
    static final Shape TLS = Shape.of("hosts", "secretName");
    static final Shape RULE = Shape.of("host", "http");
    static final Shape HTTP = Shape.of("paths");
    static final Shape PATH = Shape.of("path", "pathType", "backend");
    static final List<String> PATH_TYPES = List.of("Exact", "Prefix", "ImplementationSpecific");
    private static final Rule HOST = value -> {
        String name = value.startsWith("*.") ? value.substring(2) : value;
        return Names.DNS_SUBDOMAIN.check(name) == null ? null
                : "must be a DNS name such as app.example.com (a leading \"*.\" is allowed), got \"" + value + "\"";
    };

    /**
     * Kubernetes' rules for an Exact or Prefix path (absolute, no {@code //}, {@code .} or {@code ..} segment), and
     * berth's: only the characters of a URL path that nginx reads literally, so that no path can end or add a
     * directive of the edge's configuration.
     */
    static final Rule PATH_RULE = value -> {
        if (!value.startsWith("/")) {
            return "must be an absolute path, got \"" + value + "\"";
        }
        if (!value.matches("[A-Za-z0-9/._~!$&'()*+,=:@%-]*")) {
            return "may hold only letters, digits and /._~!$&'()*+,=:@%- (a URL path, percent-encoded), got \""
                    + value + "\"";
        }
        if (value.contains("//") || value.matches(".*/\\.\\.?(/.*)?")) {
            return "must not contain \"//\" or a \".\" or \"..\" segment, got \"" + value + "\"";
        }
        return null;
    };

    @Override
    public String apiVersion() {
        return Ingress.API_VERSION;
    }

    @Override
    public Shape shape() {
        return ROOT;
    }

    @Override
    public Resource read(Fields root) {
        return ObjectWithSpec.read(root, fields -> MetadataReader.namespaced(fields, Names.DNS_SUBDOMAIN), SPEC,
                this::spec, (metadata, spec) -> new Ingress(Ingress.API_VERSION, Ingress.KIND, metadata, spec));
    }

    private Ingress.Spec spec(Fields spec) {
        String className = spec.string("ingressClassName", Names.DNS_SUBDOMAIN);
        Ingress.Backend defaultBackend = spec.object("defaultBackend", BACKEND).map(IngressReader::backend).orElse(null);
        List<Ingress.Tls> tls = new ArrayList<>();
        for (Fields entry : spec.objects("tls", TLS)) {
            tls.add(new Ingress.Tls(entry.strings("hosts", HOST), entry.string("secretName", Names.DNS_SUBDOMAIN)));
        }
        List<Ingress.Rule> rules = new ArrayList<>();
        for (Fields rule : spec.objects("rules", RULE)) {
            String host = rule.string("host", HOST);
            Ingress.Http http = rule.requiredObject("http", HTTP).map(IngressReader::http).orElse(null);
            rules.add(new Ingress.Rule(host, http));
        }
        if (!spec.has("rules") && defaultBackend == null && !spec.has("defaultBackend")) {
            spec.problems().error(spec.position(), spec.path(), "must set rules or defaultBackend");
        }
        return new Ingress.Spec(className, defaultBackend, tls, rules);
    }

    private static Ingress.Http http(Fields http) {
        List<Ingress.Path> paths = new ArrayList<>();
        if (!http.has("paths")) {
            http.missing("paths");
        }
        for (Fields path : http.objects("paths", PATH)) {
            String pathType = path.requiredString("pathType", Rule.oneOf(PATH_TYPES));
            String value = path.string("path", PATH_RULE);
            if (!path.has("path") && pathType != null && !pathType.equals("ImplementationSpecific")) {
                path.missing("path");
            }
            Ingress.Backend backend = path.requiredObject("backend", BACKEND).map(IngressReader::backend).orElse(null);
            paths.add(new Ingress.Path(value == null ? "/" : value, pathType, backend));
        }
        return new Ingress.Http(paths);
    }

    private static Ingress.Backend backend(Fields backend) {
        return new Ingress.Backend(backend.requiredObject("service", SERVICE).map(service -> new Ingress.ServiceBackend(
                service.requiredString("name", Names.DNS1035_LABEL),
                service.requiredObject("port", PORT).map(IngressReader::port).orElse(null))).orElse(null));
    }

    private static Ingress.BackendPort port(Fields port) {
        Integer number = port.integer("number", 1, 65535);
        String name = port.string("name", Names.DNS_LABEL);
        if (port.has("number") == port.has("name")) {
            port.problems().error(port.position(), port.path(), "must set exactly one of number, name");
        }
        return new Ingress.BackendPort(number, name);
    }
}
