package dev.berth.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code nginx.conf} of one Service's proxy on one node (docs/adr/0010-services.md): a TCP or UDP listener
 * on every Service port that forwards to the Service's ready replicas, those on the proxy's own node first and
 * the others as backups that take over when no local one answers. A connection that cannot be made moves on to
 * the next replica at once; one that is made is kept as long as both ends keep it. A port with no ready replica
 * still listens and closes every connection at once, so that callers fail fast instead of hanging. The listener
 * that answers the configuration's hash is the only HTTP in it; it listens on the container's own address, where
 * berth verifies a reload through the node's SSH session (a container's loopback is out of the node's reach).
 */
public final class ServiceProxyRenderer {
    /** The loopback port that answers {@link ConfigHash#PATH}, unless a Service port takes it. */
    public static final int HASH_PORT = 10254;
    /** Where nginx packages that build the stream module apart (Debian's, for one) install it. */
    public static final String STREAM_MODULE = "/usr/lib/nginx/modules/ngx_stream_module.so";
    /**
     * Debian's directory of module loaders, included rather than loaded: an image with the stream module built in
     * (nginx.org's) has no such directory, and an include pattern that matches nothing is no error.
     */
    public static final String DEBIAN_MODULES = "/etc/nginx/modules-enabled/*.conf";

    private final String streamModule;

    /**
     * @param streamModule the file {@code load_module} loads the stream module from, a pattern of files to include
     *                     that load it ({@link #DEBIAN_MODULES}), or {@code null} for an nginx built with it
     *                     (nginx.org's official images)
     */
    public ServiceProxyRenderer(String streamModule) {
        this.streamModule = streamModule;
    }

    /** The configuration of the proxy for a Service on a node. */
    public NginxConfig render(ServiceEndpoints service, String node) {
        int hashPort = hashPort(service);
        ConfigText text = new ConfigText();
        text.line("# The proxy of Service " + service.namespace() + "/" + service.name() + " on " + node
                + ", rendered by berth. Do not edit.");
        if (streamModule != null) {
            text.line((streamModule.contains("*") ? "include " : "load_module ") + ConfigText.word(streamModule) + ";");
        }
        text.line("worker_processes 1;").line("worker_shutdown_timeout 240s;").line("error_log stderr notice;")
                .blank().open("events").line("worker_connections 4096;").close().blank();
        text.open("http").line("access_log off;").open("server").line("listen " + hashPort + ";")
                .line("default_type text/plain;").line(ConfigHash.line("")).line("location / { return 404; }")
                .close().close().blank();
        text.open("stream");
        for (int p = 0; p < service.ports().size(); p++) {
            if (p > 0) {
                text.blank();
            }
            port(text, service.ports().get(p), node);
        }
        text.close();
        return ConfigHash.seal(text.toString(), hashPort, List.of(), List.of());
    }

    private static void port(ConfigText text, PortEndpoints port, String node) {
        boolean udp = port.protocol().equals("UDP");
        String upstream = "port_" + port.port() + "_" + port.protocol().toLowerCase(Locale.ROOT);
        List<EndpointAddress> local = new ArrayList<>();
        List<EndpointAddress> others = new ArrayList<>();
        port.ready().forEach(address -> (address.node().equals(node) ? local : others).add(address));
        boolean backups = !local.isEmpty();
        if (!local.isEmpty() || !others.isEmpty()) {
            text.open("upstream " + upstream);
            local.forEach(a -> text.line("server " + a.hostPort() + " max_fails=1 fail_timeout=5s;  # " + a.node()
                    + " " + a.pod()));
            others.forEach(a -> text.line("server " + a.hostPort() + " max_fails=1 fail_timeout=5s"
                    + (backups ? " backup" : "") + ";  # " + a.node() + " " + a.pod()));
            text.close();
        }
        text.open("server").line("listen " + port.port() + (udp ? " udp" : "") + ";");
        if (local.isEmpty() && others.isEmpty()) {
            text.line("return \"\";  # no ready replica");
        } else {
            text.line("proxy_pass " + upstream + ";").line("proxy_connect_timeout 1s;")
                    .line("proxy_next_upstream on;").line("proxy_next_upstream_tries 3;");
            if (udp) {
                text.line("proxy_timeout 30s;");
            } else {
                text.line("proxy_timeout 24h;").line("proxy_socket_keepalive on;");
            }
        }
        text.close();
    }

    /** {@link #HASH_PORT}, or the nearest port below it that no Service port uses. */
    private static int hashPort(ServiceEndpoints service) {
        int port = HASH_PORT;
        while (true) {
            int candidate = port;
            if (service.ports().stream().noneMatch(p -> p.port() == candidate)) {
                return port;
            }
            port--;
        }
    }
}
