package dev.berth.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An inventory of the running lab that a test writes for itself: the lab's nodes, user and key, with the SSH
 * settings the lab's own inventory fixes (known_hosts, host key policy, jump host, connect timeout, a node's
 * address) chosen by the test.
 */
public final class TestInventory {
    private final Lab lab;
    private final Path knownHosts;
    private final Map<String, String> addresses = new HashMap<>();
    private String hostKeyPolicy = "strict";
    private String jumpHost;
    private String connectTimeout;

    private TestInventory(Lab lab, Path knownHosts) {
        this.lab = lab;
        this.knownHosts = knownHosts;
    }

    /** The lab's nodes, checked against {@code knownHosts} under the strict policy. */
    public static TestInventory of(Lab lab, Path knownHosts) {
        return new TestInventory(lab, knownHosts);
    }

    public TestInventory hostKeyPolicy(String policy) {
        this.hostKeyPolicy = policy;
        return this;
    }

    public TestInventory jumpHost(String host) {
        this.jumpHost = host;
        return this;
    }

    public TestInventory connectTimeout(String timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    /** Reaches {@code node} at {@code address} instead of its address on the lab network. */
    public TestInventory address(String node, String address) {
        addresses.put(node, address);
        return this;
    }

    /** Writes the inventory to {@code file} and returns it. */
    public Path write(Path file) throws IOException {
        StringBuilder yaml = new StringBuilder()
                .append("apiVersion: berth.dev/v1\n")
                .append("kind: Cluster\n")
                .append("metadata:\n")
                .append("  name: ").append(lab.name()).append('\n')
                .append("spec:\n")
                .append("  ssh:\n")
                .append("    user: berth\n")
                .append("    identityFiles: [").append(LabInventory.scalar(lab.privateKey().toString())).append("]\n")
                .append("    knownHosts: ").append(LabInventory.scalar(knownHosts.toString())).append('\n')
                .append("    hostKeyPolicy: ").append(hostKeyPolicy).append('\n');
        if (jumpHost != null) {
            yaml.append("    jumpHost: ").append(LabInventory.scalar(jumpHost)).append('\n');
        }
        if (connectTimeout != null) {
            yaml.append("    connectTimeout: ").append(connectTimeout).append('\n');
        }
        yaml.append("  nodes:\n");
        List<Lab.Node> nodes = lab.nodes();
        for (Lab.Node node : nodes) {
            yaml.append("    - name: ").append(node.name()).append('\n')
                    .append("      address: ")
                    .append(LabInventory.scalar(addresses.getOrDefault(node.name(), node.address()))).append('\n');
        }
        return Files.writeString(file, yaml.toString());
    }
}
