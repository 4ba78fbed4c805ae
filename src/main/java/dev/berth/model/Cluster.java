package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The cluster inventory (berth.dev/v1): the servers and how to reach them. */
public record Cluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) implements Resource {
    public static final String API_VERSION = "berth.dev/v1";
    public static final String KIND = "Cluster";

    /**
     * SSH settings, registry, nodes, the nodes that hold berth's state, an optional provisioner, and the edge proxy
     * of the nodes with role {@value Edge#ROLE} ({@link Edge#DEFAULT} when absent).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Spec(Ssh ssh, Registry registry, List<Node> nodes, List<String> stateNodes, Provisioner provisioner,
                       Edge edge) {
        public Spec {
            nodes = Maps.copy(nodes);
            stateNodes = Maps.copy(stateNodes);
            edge = edge == null ? Edge.DEFAULT : edge;
        }

        /** A spec with the default edge. */
        public Spec(Ssh ssh, Registry registry, List<Node> nodes, List<String> stateNodes, Provisioner provisioner) {
            this(ssh, registry, nodes, stateNodes, provisioner, null);
        }
    }

    /** The nginx that nodes with role {@value #ROLE} run in front of the cluster: its image and its ports. */
    public record Edge(String image, int httpPort, int httpsPort) {
        /** The node role that runs the edge. */
        public static final String ROLE = "edge";
        public static final String DEFAULT_IMAGE = "nginx:1.27";
        public static final Edge DEFAULT = new Edge(DEFAULT_IMAGE, 80, 443);
    }

    /**
     * How berth reaches every node unless a node says otherwise. A {@code null} port or user leaves the choice
     * to {@code ~/.ssh/config}, then to OpenSSH's defaults. Timeouts are durations as written
     * ({@code 10s}, {@code 2m}); see {@link Durations}.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Ssh(String user, Integer port, List<String> identityFiles, String knownHosts, String hostKeyPolicy,
                      String jumpHost, String connectTimeout, String commandTimeout, int parallelism) {
        public static final String STRICT = "strict";
        public static final String ACCEPT_NEW = "accept-new";

        public Ssh {
            identityFiles = Maps.copy(identityFiles);
        }
    }

    /** The registry every node logs in to; the password is read from an environment variable. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Registry(String server, String username, String passwordFromEnv) {
    }

    /**
     * One server. Port and user fall back to the cluster's ssh settings.
     *
     * @param privateAddress the IP address the other nodes reach this one at, when {@code address} is a host
     *                       name or a public address; container ports are published on it (null: see
     *                       {@code NodeView#address})
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Node(String name, String address, Integer port, String user, Map<String, String> labels,
                       List<String> roles, Capacity capacity, String privateAddress) {
        public Node {
            labels = Maps.copy(labels);
            roles = Maps.copy(roles);
        }

        public Node(String name, String address, Integer port, String user, Map<String, String> labels,
                    List<String> roles, Capacity capacity) {
            this(name, address, port, user, labels, roles, capacity, null);
        }

        /**
         * The IP address the other nodes and the edge reach this node's containers at, where berth publishes
         * their ports: {@code privateAddress} when given, else {@code address} when it is an IP address, else
         * the address the node's sshd was reached at ({@code serverAddress}, from {@code $SSH_CONNECTION});
         * null when none of them is known.
         */
        public String clusterAddress(String serverAddress) {
            if (privateAddress != null) {
                return privateAddress;
            }
            if (IpLiteral.is(address)) {
                return address;
            }
            return IpLiteral.is(serverAddress) ? serverAddress : null;
        }

        /** Whether the node runs the edge proxy (role {@value Edge#ROLE}). */
        public boolean edge() {
            return roles.contains(Edge.ROLE);
        }
    }

    /** What a node offers to placement, when not taken from {@code docker info}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Capacity(Quantity cpu, Quantity memory) {
    }

    /** A command that adds a server and prints its node entry. */
    public record Provisioner(List<String> command) {
        public Provisioner {
            command = Maps.copy(command);
        }
    }

    @Override
    public String summary() {
        return spec.nodes().size() + (spec.nodes().size() == 1 ? " node" : " nodes");
    }

    /** A Cluster belongs to no namespace: itself. */
    @Override
    public Cluster inNamespace(String namespace) {
        return this;
    }
}
