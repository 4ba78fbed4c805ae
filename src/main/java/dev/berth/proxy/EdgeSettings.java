package dev.berth.proxy;

import dev.berth.model.Cluster;

/**
 * Where the edge listens and where its files live.
 *
 * @param httpPort  the node port for HTTP on every address ({@code spec.edge.httpPort})
 * @param httpsPort the node port for HTTPS on every address ({@code spec.edge.httpsPort})
 * @param hashPort  the port on {@code 127.0.0.1} that answers {@link ConfigHash#PATH}
 * @param directory the directory, inside the edge container, that holds {@code nginx.conf} and its
 *                  {@link ConfigFile}s
 */
public record EdgeSettings(int httpPort, int httpsPort, int hashPort, String directory) {
    /** The loopback port the edge answers its hash on, the one ingress-nginx gives its own status. */
    public static final int HASH_PORT = 10254;
    /** Where the edge container finds its configuration. */
    public static final String DIRECTORY = "/etc/nginx/berth";

    /** The settings of an inventory's edge, with berth's hash port and directory. */
    public static EdgeSettings of(Cluster.Edge edge) {
        return new EdgeSettings(edge.httpPort(), edge.httpsPort(), HASH_PORT, DIRECTORY);
    }
}
