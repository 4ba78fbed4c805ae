package dev.berth.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The docker command lines the lab runs on this machine, as argument lists. Nothing here runs anything.
 */
public final class LabDockerCommands {
    private static final String DOCKER = "docker";

    private LabDockerCommands() {
    }

    /** Answers with the engine's version, or fails when no engine answers. */
    public static List<String> engineVersion() {
        return List.of(DOCKER, "version", "--format", "{{.Server.Version}}");
    }

    /** A bridge network with a subnet docker picks from its pools (read back, then pinned). */
    public static List<String> createNetwork(LabName lab) {
        return List.of(DOCKER, "network", "create", "--driver", "bridge", "--label", LabLabels.LAB + "=" + lab,
                lab.network());
    }

    /** The same network with its subnet fixed, so that containers can be given fixed addresses. */
    public static List<String> createNetwork(LabName lab, Subnet subnet) {
        return List.of(DOCKER, "network", "create", "--driver", "bridge", "--subnet", subnet.cidr(),
                "--gateway", subnet.gateway(), "--label", LabLabels.LAB + "=" + lab, lab.network());
    }

    /** One "SUBNET GATEWAY" line per address family of the network. */
    public static List<String> inspectNetwork(LabName lab) {
        return List.of(DOCKER, "network", "inspect", "--format",
                "{{range .IPAM.Config}}{{println .Subnet .Gateway}}{{end}}", lab.network());
    }

    public static List<String> removeNetwork(LabName lab) {
        return List.of(DOCKER, "network", "rm", lab.network());
    }

    /**
     * The registry: on the lab network under the alias nodes use, and published on this machine's
     * loopback for pushing (Docker treats 127.0.0.1 registries as insecure without configuration).
     * Port 0 lets docker pick a free port.
     */
    public static List<String> runRegistry(LabName lab, Subnet subnet, int hostPort) {
        return List.of(DOCKER, "run", "-d", "--name", lab.registryContainer(),
                "--label", LabLabels.LAB + "=" + lab, "--label", LabLabels.ROLE + "=registry",
                "--network", lab.network(), "--ip", subnet.registryAddress(),
                "--network-alias", LabImages.REGISTRY_ALIAS,
                "-p", "127.0.0.1:" + (hostPort == 0 ? "" : hostPort) + ":5000",
                "-v", lab.registryVolume() + ":/var/lib/registry",
                LabImages.REGISTRY);
    }

    /** Where the registry's port 5000 is published, e.g. {@code 127.0.0.1:5000}. */
    public static List<String> registryPort(LabName lab) {
        return List.of(DOCKER, "port", lab.registryContainer(), "5000/tcp");
    }

    /** Fails when this host does not let a container run {@code --privileged}. */
    public static List<String> privilegedProbe() {
        return List.of(DOCKER, "run", "--rm", "--privileged", "--network", "none", "--entrypoint", "/bin/true",
                LabImages.NODE);
    }

    /**
     * A node: a system container with sshd and its own engine. {@code --cgroupns private} nests its
     * containers' cgroups under its own; the image's volume at /var/lib/docker keeps the inner
     * engine's storage off overlayfs and across stop and start.
     */
    public static List<String> runNode(LabName lab, LabNodeSpec node, NodeMode mode, String publicKey,
                                       String keyFingerprint) {
        List<String> argv = new ArrayList<>(List.of(DOCKER, "run", "-d",
                "--name", lab.nodeContainer(node.index()), "--hostname", node.name(),
                "--label", LabLabels.LAB + "=" + lab, "--label", LabLabels.ROLE + "=node",
                "--label", LabLabels.NODE + "=" + node.name(),
                "--label", LabLabels.ADDRESS + "=" + node.address(),
                "--label", LabLabels.ROLES + "=" + String.join(",", node.roles()),
                "--label", LabLabels.KEY + "=" + keyFingerprint,
                "--network", lab.network(), "--ip", node.address()));
        argv.addAll(mode.flags());
        argv.addAll(List.of("--cgroupns", "private",
                "-e", "BERTH_LAB_AUTHORIZED_KEYS=" + publicKey,
                "-e", "BERTH_LAB_REGISTRY=" + LabImages.REGISTRY_SERVER,
                LabImages.NODE));
        return List.copyOf(argv);
    }

    /** Every container of the lab, one tab-separated line each (parsed by {@link LabContainers}). */
    public static List<String> listContainers(LabName lab) {
        return List.of(DOCKER, "ps", "-a", "--filter", lab.labelFilter(), "--format", LabContainers.FORMAT);
    }

    public static List<String> exec(String container, String... argv) {
        List<String> command = new ArrayList<>(List.of(DOCKER, "exec", container));
        command.addAll(List.of(argv));
        return List.copyOf(command);
    }

    /**
     * The node's own host keys (every type its sshd offers, so any client finds the one it negotiates),
     * read over docker's channel rather than the network: nothing to trust blindly.
     */
    public static List<String> readHostKeys(String container) {
        return exec(container, "cat", "/etc/ssh/ssh_host_ed25519_key.pub", "/etc/ssh/ssh_host_ecdsa_key.pub",
                "/etc/ssh/ssh_host_rsa_key.pub");
    }

    public static List<String> innerEngineVersion(String container) {
        return exec(container, "docker", "version", "--format", "{{.Server.Version}}");
    }

    public static List<String> isRunning(String container) {
        return List.of(DOCKER, "inspect", "--format", "{{.State.Running}}", container);
    }

    /** A graceful stop: the node's init stops its engine, which stops its containers (10 s each at most). */
    public static List<String> stop(String container) {
        return List.of(DOCKER, "stop", "-t", "30", container);
    }

    public static List<String> start(String container) {
        return List.of(DOCKER, "start", container);
    }

    /** A hard stop: SIGKILL, the node's whole process tree dies at once, like a power cut. */
    public static List<String> kill(String container) {
        return List.of(DOCKER, "kill", container);
    }

    /** Removes containers with their anonymous volumes (the nodes' inner engine storage). */
    public static List<String> remove(List<String> containers) {
        List<String> argv = new ArrayList<>(List.of(DOCKER, "rm", "-f", "-v"));
        argv.addAll(containers);
        return List.copyOf(argv);
    }

    public static List<String> removeVolume(String volume) {
        return List.of(DOCKER, "volume", "rm", volume);
    }

    /** Succeeds when every image exists locally. */
    public static List<String> imagesExist(List<String> images) {
        List<String> argv = new ArrayList<>(List.of(DOCKER, "image", "inspect", "--format", "{{.Id}}"));
        argv.addAll(images);
        return List.copyOf(argv);
    }

    /** The registry digests a local image is known under, space-separated. */
    public static List<String> repoDigests(String image) {
        return List.of(DOCKER, "image", "inspect", "--format", "{{join .RepoDigests \" \"}}", image);
    }

    public static List<String> tag(String source, String target) {
        return List.of(DOCKER, "tag", source, target);
    }

    public static List<String> push(String image) {
        return List.of(DOCKER, "push", "--quiet", image);
    }

    /** Removes one tag; the image stays while it has another. */
    public static List<String> untag(String image) {
        return List.of(DOCKER, "image", "rm", image);
    }

    /**
     * The rules that cut a node off the lab network both ways while it keeps running, applied inside
     * the node's own network namespace (nothing on this machine changes): every inbound packet in
     * raw/PREROUTING (before NAT, so published ports are cut too) and every outbound one in
     * mangle/POSTROUTING (including what its containers send). The node's engine never touches
     * those tables. {@code operation} is {@code -I} (add), {@code -C} (check) or {@code -D} (delete).
     */
    public static List<List<String>> partitionRules(String container, String operation) {
        if (!List.of("-I", "-C", "-D").contains(operation)) {
            throw new IllegalArgumentException("unknown iptables operation " + operation);
        }
        return List.of(
                exec(container, "iptables", "-t", "raw", operation, "PREROUTING", "-i", "eth0", "-j", "DROP"),
                exec(container, "iptables", "-t", "mangle", operation, "POSTROUTING", "-o", "eth0", "-j", "DROP"));
    }
}
