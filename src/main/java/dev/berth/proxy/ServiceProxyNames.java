package dev.berth.proxy;

import java.util.List;

/**
 * How a Service's node-local proxy is named and found. Each node runs one proxy container per Service on berth's
 * Docker network; its network aliases are the Service's qualified names, and every replica searches its own
 * namespace's {@code svc.cluster.local} domain, so Docker's embedded DNS answers all four names Kubernetes gives
 * a Service: {@code NAME}, {@code NAME.NAMESPACE}, {@code NAME.NAMESPACE.svc} and
 * {@code NAME.NAMESPACE.svc.cluster.local}.
 */
public final class ServiceProxyNames {
    /** Every service proxy's container name starts so; the rest is {@code NAMESPACE.NAME}. */
    public static final String PREFIX = "berth-svc.";
    /** The cluster's DNS domain, as Kubernetes' default. */
    public static final String DOMAIN = "cluster.local";
    /** Where, inside a service proxy container, its configuration lives. */
    public static final String DIRECTORY = "/etc/nginx/berth";

    private ServiceProxyNames() {
    }

    /**
     * The proxy's container name, e.g. {@code berth-svc.default.web}: namespaces and Service names are DNS labels,
     * so the name keeps to Docker's {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}, and a dot cannot occur inside either part.
     */
    public static String containerName(String namespace, String name) {
        return PREFIX + namespace + "." + name;
    }

    /** The proxy's Docker network aliases: the Service's three qualified names. */
    public static List<String> aliases(String namespace, String name) {
        String qualified = name + "." + namespace;
        return List.of(qualified, qualified + ".svc", qualified + ".svc." + DOMAIN);
    }

    /** The {@code --dns-search} domain of every replica of a namespace, so that a plain {@code NAME} resolves. */
    public static String dnsSearch(String namespace) {
        return namespace + ".svc." + DOMAIN;
    }
}
