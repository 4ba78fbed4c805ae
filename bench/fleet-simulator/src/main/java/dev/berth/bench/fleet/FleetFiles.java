package dev.berth.bench.fleet;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;

/**
 * Writes what each client needs to reach the fleet: the client key, known_hosts for every port,
 * a parallel-ssh host list, an ansible inventory and a berth cluster inventory (whose {@code parallelism},
 * the nodes berth keeps in flight, is {@code --berth-parallelism}; without it the inventory leaves it out and
 * berth uses its default).
 */
final class FleetFiles {
    private final SimulatorOptions options;
    private final List<SimulatedNode> nodes;

    FleetFiles(SimulatorOptions options, List<SimulatedNode> nodes) {
        this.options = options;
        this.nodes = nodes;
    }

    void write(KeyPair clientKey, PublicKey hostKey) throws IOException, GeneralSecurityException {
        Path dir = options.out();
        Files.createDirectories(dir);
        Path identity = dir.resolve("id_ed25519");
        ByteArrayOutputStream privateKey = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "fleet-client", null, privateKey);
        Files.deleteIfExists(identity);
        Files.createFile(identity, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(identity, privateKey.toByteArray());
        Files.writeString(dir.resolve("id_ed25519.pub"), PublicKeyEntry.toString(clientKey.getPublic()) + " fleet-client\n");

        String hostKeyText = PublicKeyEntry.toString(hostKey);
        StringBuilder knownHosts = new StringBuilder();
        StringBuilder hosts = new StringBuilder();
        StringBuilder inventory = new StringBuilder("[fleet]\n");
        StringBuilder cluster = new StringBuilder();
        cluster.append("apiVersion: berth.dev/v1\nkind: Cluster\nmetadata: {name: fleet}\nspec:\n")
                .append("  ssh: {user: ").append(options.user())
                .append(", identityFiles: [").append(identity)
                .append("], knownHosts: ").append(dir.resolve("known_hosts"))
                .append(", hostKeyPolicy: strict")
                .append(options.berthParallelism() > 0 ? ", parallelism: " + options.berthParallelism() : "")
                .append(", connectTimeout: 10s, commandTimeout: 30s}\n")
                .append("  nodes:\n");
        for (SimulatedNode node : nodes) {
            int port = options.port(node.index());
            knownHosts.append("[127.0.0.1]:").append(port).append(' ').append(hostKeyText).append('\n');
            hosts.append(options.user()).append("@127.0.0.1:").append(port).append('\n');
            inventory.append(node.name()).append(" ansible_host=127.0.0.1 ansible_port=").append(port)
                    .append(" ansible_user=").append(options.user()).append('\n');
            cluster.append("    - {name: ").append(node.name()).append(", address: 127.0.0.1, port: ")
                    .append(port).append("}\n");
        }
        Files.writeString(dir.resolve("known_hosts"), knownHosts);
        Files.writeString(dir.resolve("hosts.txt"), hosts);
        Files.writeString(dir.resolve("inventory.ini"), inventory);
        Files.writeString(dir.resolve("cluster.yaml"), cluster);
    }
}
