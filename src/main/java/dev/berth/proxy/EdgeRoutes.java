package dev.berth.proxy;

import dev.berth.model.Ingress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The edge's routes, host by host, from the Ingresses, with ingress-nginx's reading of what Kubernetes leaves
 * open: the Ingresses are taken by namespace and name, and the first to claim a host's path keeps it. A rule
 * without a host belongs to the default server, which serves every host no rule names. An Ingress's
 * {@code defaultBackend} serves what no path matches on its own hosts, and on the default server when the
 * Ingress names no host; the default server answers 404 otherwise.
 */
final class EdgeRoutes {
    private final Map<String, HostRoutes> hosts = new LinkedHashMap<>();
    private final HostRoutes fallback = new HostRoutes(null);

    /** The Service port a path goes to. */
    record BackendRef(String namespace, String service, Ingress.BackendPort port) {
    }

    /**
     * One nginx {@code location}: {@code modifier} is {@code "="} for an exact match and empty for a prefix; the
     * prefix {@code /} is the location every request falls back to. {@code exact} tells a path of type Exact from
     * the exact half of a Prefix: where both claim {@code = /p}, the Exact path wins, as in Kubernetes.
     */
    record Location(String modifier, String path, boolean exact, BackendRef backend) {
        String key() {
            return modifier + " " + path;
        }
    }

    /** A Secret holding a host's certificate. */
    record TlsRef(String namespace, String secretName) {
    }

    /** The locations, default backend and certificate of one host; {@code host} is null for the default server. */
    static final class HostRoutes {
        final String host;
        final Map<String, Location> locations = new LinkedHashMap<>();
        final Set<String> ingresses = new LinkedHashSet<>();
        BackendRef defaultBackend;
        TlsRef tls;

        HostRoutes(String host) {
            this.host = host;
        }

        /**
         * Longest path first, an exact match before a prefix of the same length, as Kubernetes ranks them (nginx
         * picks the same whatever the order; the order is for people), then the catch-all {@code /}.
         */
        List<Location> ordered() {
            List<Location> ordered = new ArrayList<>(locations.values());
            if (!locations.containsKey(" /")) {
                ordered.add(new Location("", "/", false, defaultBackend));
            }
            ordered.sort(Comparator.comparingInt((Location l) -> -l.path().length())
                    .thenComparing(l -> l.modifier().isEmpty()));
            return ordered;
        }
    }

    static EdgeRoutes of(List<Ingress> ingresses) {
        EdgeRoutes routes = new EdgeRoutes();
        ingresses.stream().sorted(Comparator.comparing((Ingress i) -> Endpoints.namespace(i.metadata()))
                .thenComparing(i -> i.metadata().name())).forEach(routes::add);
        return routes;
    }

    /** The named hosts, exact names first in order, then wildcards. */
    List<HostRoutes> hosts() {
        return hosts.values().stream().sorted(Comparator.comparing((HostRoutes h) -> h.host.startsWith("*."))
                .thenComparing(h -> h.host)).toList();
    }

    /** The default server: every host that no rule names. */
    HostRoutes fallback() {
        return fallback;
    }

    private void add(Ingress ingress) {
        String namespace = Endpoints.namespace(ingress.metadata());
        String id = namespace + "/" + ingress.metadata().name();
        Set<HostRoutes> own = new LinkedHashSet<>();
        for (Ingress.Rule rule : ingress.spec().rules()) {
            HostRoutes host = rule.host() == null ? fallback : hosts.computeIfAbsent(rule.host(), HostRoutes::new);
            own.add(host);
            host.ingresses.add(id);
            for (Ingress.Path path : rule.http() == null ? List.<Ingress.Path>of() : rule.http().paths()) {
                BackendRef backend = ref(namespace, path.backend());
                for (Location location : locations(path)) {
                    Location claimed = new Location(location.modifier(), location.path(), location.exact(), backend);
                    Location first = host.locations.putIfAbsent(location.key(), claimed);
                    if (first != null && claimed.exact() && !first.exact()) {
                        host.locations.put(location.key(), claimed);
                    }
                }
            }
        }
        if (own.stream().noneMatch(h -> h.host != null)) {
            own.add(fallback);
        }
        if (ingress.spec().defaultBackend() != null) {
            BackendRef backend = ref(namespace, ingress.spec().defaultBackend());
            own.stream().filter(h -> h.defaultBackend == null).forEach(h -> {
                h.defaultBackend = backend;
                h.ingresses.add(id);
            });
        }
        for (Ingress.Tls tls : ingress.spec().tls()) {
            List<HostRoutes> covered = tls.hosts().isEmpty()
                    ? own.stream().filter(h -> h.host != null).toList()
                    : tls.hosts().stream().map(hosts::get).filter(Objects::nonNull).toList();
            covered.stream().filter(h -> h.tls == null && tls.secretName() != null)
                    .forEach(h -> h.tls = new TlsRef(namespace, tls.secretName()));
        }
    }

    /**
     * Kubernetes' matches as nginx locations. Exact {@code /p} is {@code = /p}. Prefix {@code /p} (a trailing slash
     * ignored) matches {@code /p} and what lies below it, element-wise: {@code = /p} and {@code /p/}, so that
     * {@code /pq} is no match; Prefix {@code /} is {@code /}. ImplementationSpecific is read as Prefix.
     */
    static List<Location> locations(Ingress.Path path) {
        String value = path.path() == null ? "/" : path.path();
        if ("Exact".equals(path.pathType())) {
            return List.of(new Location("=", value, true, null));
        }
        String prefix = value.replaceAll("/+$", "");
        if (prefix.isEmpty()) {
            return List.of(new Location("", "/", false, null));
        }
        return List.of(new Location("=", prefix, false, null), new Location("", prefix + "/", false, null));
    }

    private static BackendRef ref(String namespace, Ingress.Backend backend) {
        if (backend == null || backend.service() == null) {
            return null;
        }
        return new BackendRef(namespace, backend.service().name(), backend.service().port());
    }
}
