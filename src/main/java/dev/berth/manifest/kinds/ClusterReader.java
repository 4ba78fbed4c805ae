package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Names;
import dev.berth.manifest.schema.Rule;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.Cluster;
import dev.berth.model.Durations;
import dev.berth.model.IpLiteral;
import dev.berth.model.Resource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the cluster inventory (berth.dev/v1 Cluster) and fills in berth's defaults. */
final class ClusterReader implements KindReader {
    static final Shape ROOT = Shape.of("apiVersion", "kind", "metadata", "spec");
    static final Shape SPEC = Shape.of("ssh", "registry", "nodes", "stateNodes", "provisioner", "edge");
    /** Nodes asked at once; the rest wait for a free slot. */
    static final int DEFAULT_PARALLELISM = 512;
    static final Shape SSH = Shape.of("user", "port", "identityFiles", "knownHosts", "hostKeyPolicy", "jumpHost",
            "connectTimeout", "commandTimeout", "parallelism");
    static final Shape REGISTRY = Shape.of("server", "username", "passwordFromEnv");
    static final Shape NODE = Shape.of("name", "address", "port", "user", "labels", "roles", "capacity",
            "privateAddress");
    static final Shape CAPACITY = Shape.of("cpu", "memory");
    static final Shape PROVISIONER = Shape.of("command");
    static final Shape EDGE = Shape.of("image", "httpPort", "httpsPort");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}\\$?", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?|\\[?[0-9a-fA-F:]+]?");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Rule USER_NAME = value -> USER.matcher(value).matches() ? null
            : "must be a user name such as deploy, got \"" + value + "\"";
    static final Rule ADDRESS = value -> HOST.matcher(value).matches() && value.length() <= 253 ? null
            : "must be a host name or an IP address, got \"" + value + "\"";
    static final Rule IP_ADDRESS = value -> IpLiteral.is(value) ? null
            : "must be an IPv4 or IPv6 address such as 10.0.0.11, got \"" + value + "\"";
    static final Rule JUMP_HOST = value -> {
        String host = value.contains("@") ? value.substring(value.indexOf('@') + 1) : value;
        host = host.matches(".*:[0-9]{1,5}") ? host.substring(0, host.lastIndexOf(':')) : host;
        return HOST.matcher(host).matches() ? null : "must be [user@]host[:port], got \"" + value + "\"";
    };
    static final Rule DURATION = value -> Durations.parse(value).isPresent() ? null
            : "must be a duration such as 10s, 2m or 1h30m, got \"" + value + "\"";
    static final Rule ENV_NAME = value -> ENV.matcher(value).matches() ? null
            : "must be the name of an environment variable, got \"" + value + "\"";

    @Override
    public String apiVersion() {
        return Cluster.API_VERSION;
    }

    @Override
    public Shape shape() {
        return ROOT;
    }

    @Override
    public Resource read(Fields root) {
        return ObjectWithSpec.read(root, fields -> MetadataReader.clusterScoped(fields, Names.DNS_SUBDOMAIN), SPEC,
                this::spec, (metadata, spec) -> new Cluster(Cluster.API_VERSION, Cluster.KIND, metadata, spec));
    }

    private Cluster.Spec spec(Fields spec) {
        Cluster.Ssh ssh = spec.object("ssh", SSH).map(ClusterReader::ssh).orElse(ssh(null));
        Cluster.Registry registry = spec.object("registry", REGISTRY).map(r -> new Cluster.Registry(
                r.requiredString("server", Rule.nonEmpty()), r.string("username", Rule.nonEmpty()),
                r.string("passwordFromEnv", ENV_NAME))).orElse(null);
        List<Cluster.Node> nodes = nodes(spec);
        Set<String> names = new HashSet<>();
        nodes.forEach(node -> names.add(node.name()));
        List<String> stateNodes = spec.strings("stateNodes", value -> names.contains(value) ? null
                : "names no node of this cluster: \"" + value + "\"");
        Cluster.Provisioner provisioner = spec.object("provisioner", PROVISIONER).map(p -> {
            List<String> command = p.has("command") ? p.strings("command") : p.missing("command");
            if (command != null && command.isEmpty()) {
                p.error("command", "must not be empty");
            }
            return new Cluster.Provisioner(command);
        }).orElse(null);
        Cluster.Edge edge = spec.object("edge", EDGE).map(ClusterReader::edge).orElse(Cluster.Edge.DEFAULT);
        return new Cluster.Spec(ssh, registry, nodes, stateNodes, provisioner, edge);
    }

    /** The edge's image and ports, each defaulting to {@link Cluster.Edge#DEFAULT}'s; the two ports must differ. */
    private static Cluster.Edge edge(Fields edge) {
        String image = edge.string("image", ContainerReader.IMAGE);
        Integer http = edge.integer("httpPort", 1, 65535);
        Integer https = edge.integer("httpsPort", 1, 65535);
        Cluster.Edge defaults = Cluster.Edge.DEFAULT;
        Cluster.Edge resolved = new Cluster.Edge(image == null ? defaults.image() : image,
                DeploymentReader.orElse(http, defaults.httpPort()), DeploymentReader.orElse(https, defaults.httpsPort()));
        boolean portsRead = (http != null || !edge.has("httpPort")) && (https != null || !edge.has("httpsPort"));
        if (portsRead && resolved.httpPort() == resolved.httpsPort()) {
            edge.error(edge.has("httpsPort") ? "httpsPort" : "httpPort",
                    "httpPort and httpsPort must differ, both are " + resolved.httpPort());
        }
        return resolved;
    }

    /** The ssh settings with defaults; {@code null} gives all defaults. */
    private static Cluster.Ssh ssh(Fields ssh) {
        if (ssh == null) {
            return new Cluster.Ssh(null, null, List.of(), "~/.ssh/known_hosts", Cluster.Ssh.STRICT, null, "10s",
                    "120s", DEFAULT_PARALLELISM);
        }
        String knownHosts = ssh.string("knownHosts", Rule.nonEmpty());
        String policy = ssh.string("hostKeyPolicy", value -> switch (value) {
            case Cluster.Ssh.STRICT, Cluster.Ssh.ACCEPT_NEW -> null;
            case "accept-all", "no", "off", "insecure" -> "\"" + value + "\" is refused: berth checks host keys; "
                    + "use strict or accept-new";
            default -> "must be one of strict, accept-new, got \"" + value + "\"";
        });
        String connect = ssh.string("connectTimeout", DURATION);
        String command = ssh.string("commandTimeout", DURATION);
        return new Cluster.Ssh(ssh.string("user", USER_NAME),
                ssh.integer("port", 1, 65535),
                ssh.strings("identityFiles", Rule.nonEmpty()),
                knownHosts == null ? "~/.ssh/known_hosts" : knownHosts,
                policy == null ? Cluster.Ssh.STRICT : policy,
                ssh.string("jumpHost", JUMP_HOST),
                connect == null ? "10s" : connect, command == null ? "120s" : command,
                DeploymentReader.orElse(ssh.integer("parallelism", 1, 1024), DEFAULT_PARALLELISM));
    }

    private static List<Cluster.Node> nodes(Fields spec) {
        if (!spec.has("nodes")) {
            return spec.missing("nodes");
        }
        List<Cluster.Node> nodes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Fields node : spec.objects("nodes", NODE)) {
            String name = node.requiredString("name", Names.DNS_SUBDOMAIN);
            String address = node.requiredString("address", ADDRESS);
            Integer port = node.integer("port", 1, 65535);
            if (name != null && !seen.add("name:" + name)) {
                node.error("name", "duplicate node name \"" + name + "\"");
            }
            if (address != null && !seen.add("address:" + address + ":" + port)) {
                node.error("address", "duplicate node address \"" + address + "\"");
            }
            Cluster.Capacity capacity = node.object("capacity", CAPACITY)
                    .map(c -> new Cluster.Capacity(c.quantity("cpu"), c.quantity("memory"))).orElse(null);
            nodes.add(new Cluster.Node(name, address, port, node.string("user", USER_NAME),
                    MetadataReader.labels(node, "labels"), node.strings("roles", Names.DNS_LABEL), capacity,
                    node.string("privateAddress", IP_ADDRESS)));
        }
        return nodes;
    }
}
