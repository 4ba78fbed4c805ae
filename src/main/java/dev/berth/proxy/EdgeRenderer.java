package dev.berth.proxy;

import dev.berth.model.Ingress;
import dev.berth.model.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole {@code nginx.conf} of the edge, from the Ingresses, the Services' endpoints and the TLS Secrets
 * (docs/adr/0010-services.md). Hosts and paths follow {@link EdgeRoutes}; each routed Service port is one upstream
 * of its ready replicas, kept alive, with idempotent requests retried on the next replica when one fails; a port
 * with no ready replica, or a Service that does not exist, answers 503. The text carries its own hash
 * ({@link ConfigHash}) and the digest of every file it uses.
 */
public final class EdgeRenderer {
    private final EdgeSettings settings;

    public EdgeRenderer(EdgeSettings settings) {
        this.settings = settings;
    }

    /** The configuration of the edge for these Ingresses; Secrets no Ingress names are left out. */
    public NginxConfig render(List<Ingress> ingresses, Endpoints endpoints, List<Secret> secrets) {
        Rendering rendering = new Rendering(EdgeRoutes.of(ingresses), endpoints, secrets);
        ConfigText text = new ConfigText();
        text.line("# The edge of the cluster, rendered by berth from its Ingresses and Services. Do not edit:")
                .line("# berth replaces this file on every run that changes what it routes.");
        text.line("worker_processes auto;").line("worker_shutdown_timeout 240s;").line("error_log stderr notice;")
                .blank().open("events").line("worker_connections 4096;").close().blank();
        text.open("http");
        rendering.files.forEach(file -> text.line("# " + file.path() + " sha256:" + ConfigHash.sha256(file.content())));
        EdgeDefaults.write(text);
        rendering.upstreams.forEach((name, addresses) -> upstream(text, name, addresses));
        for (EdgeRoutes.HostRoutes host : rendering.routes.hosts()) {
            servers(text, rendering, host);
        }
        servers(text, rendering, rendering.routes.fallback());
        text.blank().open("server").line("listen 127.0.0.1:" + settings.hashPort() + ";").line("access_log off;")
                .line("default_type text/plain;").line(ConfigHash.line("")).line("location / { return 404; }")
                .close();
        text.close();
        return ConfigHash.seal(text.toString(), settings.hashPort(), rendering.files, rendering.notes);
    }

    /**
     * The part of the configuration that serves one of the Ingresses, as {@link #render} writes it: the server
     * blocks of the hosts it names, and the default server's when it routes there, after the upstreams they use.
     */
    public String excerpt(Ingress ingress, List<Ingress> ingresses, Endpoints endpoints, List<Secret> secrets) {
        Rendering rendering = new Rendering(EdgeRoutes.of(ingresses), endpoints, secrets);
        String id = Endpoints.namespace(ingress.metadata()) + "/" + ingress.metadata().name();
        ConfigText servers = new ConfigText();
        List<EdgeRoutes.HostRoutes> hosts = new ArrayList<>(rendering.routes.hosts());
        hosts.add(rendering.routes.fallback());
        hosts.stream().filter(h -> h.ingresses.contains(id)).forEach(host -> servers(servers, rendering, host));
        ConfigText upstreams = new ConfigText();
        rendering.upstreams.forEach((name, addresses) -> {
            if (servers.toString().contains("proxy_pass http://" + name + ";")) {
                upstream(upstreams, name, addresses);
            }
        });
        return (upstreams.toString() + servers).stripLeading();
    }

    private static void upstream(ConfigText text, String name, List<EndpointAddress> addresses) {
        text.blank().open("upstream " + name);
        addresses.forEach(a -> text.line("server " + a.hostPort() + " max_fails=1 fail_timeout=5s;  # "
                + a.node() + " " + a.pod()));
        text.line("keepalive 32;").line("keepalive_timeout 60s;").close();
    }

    /** The HTTP server of a host and, when it has a certificate, its HTTPS twin. */
    private void servers(ConfigText text, Rendering rendering, EdgeRoutes.HostRoutes host) {
        Optional<String> tls = host.host == null ? Optional.empty() : rendering.certificate(host);
        server(text, rendering, host, false);
        if (tls.isPresent()) {
            server(text, rendering, host, true);
        } else if (host.host == null) {
            text.blank().open("server").line("listen " + settings.httpsPort() + " ssl default_server;")
                    .line("server_name _;").line("ssl_reject_handshake on;").close();
        }
    }

    private void server(ConfigText text, Rendering rendering, EdgeRoutes.HostRoutes host, boolean https) {
        text.blank().open("server");
        if (host.host == null) {
            text.line("listen " + settings.httpPort() + " default_server;").line("server_name _;");
        } else {
            text.line(https ? "listen " + settings.httpsPort() + " ssl;" : "listen " + settings.httpPort() + ";")
                    .line("server_name " + serverName(host.host) + ";");
        }
        if (https) {
            String base = settings.directory() + "/" + rendering.certificate(host).orElseThrow();
            text.line("ssl_certificate " + ConfigText.word(base + ".crt") + ";")
                    .line("ssl_certificate_key " + ConfigText.word(base + ".key") + ";");
        }
        for (EdgeRoutes.Location location : host.ordered()) {
            String head = "location " + (location.modifier().isEmpty() ? "" : location.modifier() + " ")
                    + ConfigText.word(location.path());
            String target = rendering.target(location.backend());
            if (target.contains("#")) {
                text.open(head).line(target).close();
            } else {
                text.line(head + " { " + target + " }");
            }
        }
        text.close();
    }

    /** An exact host as written; {@code *.example.com} as Kubernetes reads it: exactly one label in front. */
    private static String serverName(String host) {
        if (!host.startsWith("*.")) {
            return host;
        }
        return "~^[^.]+" + host.substring(1).replace(".", "\\.") + "$";
    }

    /** The routes with their upstreams, certificates and notes resolved. */
    private static final class Rendering {
        final EdgeRoutes routes;
        final Map<String, List<EndpointAddress>> upstreams = new TreeMap<>();
        final List<ConfigFile> files = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        private final Endpoints endpoints;
        private final EdgeCertificates certificates;

        Rendering(EdgeRoutes routes, Endpoints endpoints, List<Secret> secrets) {
            this.routes = routes;
            this.endpoints = endpoints;
            this.certificates = new EdgeCertificates(secrets, files, notes);
            List<EdgeRoutes.HostRoutes> all = new ArrayList<>(routes.hosts());
            all.add(routes.fallback());
            for (EdgeRoutes.HostRoutes host : all) {
                host.ordered().forEach(location -> target(location.backend()));
                if (host.host != null) {
                    certificate(host);
                }
            }
            files.sort(java.util.Comparator.comparing(ConfigFile::path));
        }

        /** The base path, relative to the configuration's directory, of a host's certificate and key. */
        Optional<String> certificate(EdgeRoutes.HostRoutes host) {
            return host.tls == null ? Optional.empty() : certificates.base(host.tls, host.host);
        }

        /** What a location does with the requests it matches. */
        String target(EdgeRoutes.BackendRef backend) {
            if (backend == null) {
                return "return 404;";
            }
            String service = backend.namespace() + "/" + backend.service();
            Optional<ServiceEndpoints> found = endpoints.find(backend.namespace(), backend.service());
            if (found.isEmpty()) {
                note("Service " + service + " is not in the desired state: its routes answer 503");
                return "return 503;  # no Service " + service;
            }
            Optional<PortEndpoints> port = found.get().port(backend.port());
            if (port.isEmpty()) {
                note("Service " + service + " has no port " + (backend.port().number() != null
                        ? backend.port().number() : "named \"" + backend.port().name() + "\"")
                        + ": its routes answer 503");
                return "return 503;  # Service " + service + " has no such port";
            }
            List<EndpointAddress> ready = port.get().ready();
            if (ready.isEmpty()) {
                return "return 503;  # " + service + ":" + port.get().port() + " has no ready replica";
            }
            String name = backend.namespace() + "." + backend.service() + "." + port.get().port();
            upstreams.putIfAbsent(name, ready);
            return "proxy_pass http://" + name + ";";
        }

        private void note(String note) {
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
    }
}
