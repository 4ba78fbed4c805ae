package dev.berth.proxy;

/**
 * The {@code nginx.conf} of one Service's proxy on one node: a TCP (or UDP) listener on every Service port that
 * forwards to the Service's ready replicas, those on the same node first, the others as backups.
 */
public final class ServiceProxyRenderer {
    /** The loopback port that answers {@link ConfigHash#PATH}, unless a Service port takes it. */
    public static final int HASH_PORT = 10254;

    private ServiceProxyRenderer() {
    }

    /** The configuration of the proxy for a Service on a node. */
    public static NginxConfig render(ServiceEndpoints service, String node) {
        throw new UnsupportedOperationException("not yet");
    }
}
