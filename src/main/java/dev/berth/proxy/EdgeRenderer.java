package dev.berth.proxy;

import dev.berth.model.Ingress;
import dev.berth.model.Secret;

import java.util.List;

/** The whole {@code nginx.conf} of the edge, from the Ingresses, the Services' endpoints and the TLS Secrets. */
public final class EdgeRenderer {
    private final EdgeSettings settings;

    public EdgeRenderer(EdgeSettings settings) {
        this.settings = settings;
    }

    /** The configuration of the edge for these Ingresses; Secrets not named by any Ingress are left out. */
    public NginxConfig render(List<Ingress> ingresses, Endpoints endpoints, List<Secret> secrets) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The {@code server} blocks through which the edge serves one of the Ingresses, as {@link #render} writes them. */
    public String serverBlocks(Ingress ingress, List<Ingress> ingresses, Endpoints endpoints, List<Secret> secrets) {
        throw new UnsupportedOperationException("not yet");
    }
}
