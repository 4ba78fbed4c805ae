package dev.berth.exec;

import dev.berth.error.ClusterException;
import dev.berth.manifest.InventoryFile;
import dev.berth.model.Cluster;
import dev.berth.plan.PendingReplica;
import dev.berth.ssh.KnownHosts;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Adds a server when replicas are Pending for lack of room and the inventory names a provisioner: runs it,
 * reads the node entry it prints, records the node in the inventory file and its host key in the inventory's
 * known_hosts. Once per run; see docs/adr/0007-provisioner.md.
 */
public final class Provisioning {
    private final ProvisionerProcess process;
    private final Function<String, Path> userPaths;
    private final Consumer<String> say;

    /**
     * @param userPaths turns a path of the inventory ({@code ~/x}, relative) into the file it means
     * @param say       takes each line a person should read while the provisioner runs
     */
    public Provisioning(ProvisionerProcess process, Function<String, Path> userPaths, Consumer<String> say) {
        this.process = process;
        this.userPaths = userPaths;
        this.say = say;
    }

    /** The node the provisioner made, and the cluster of the inventory that now holds it. */
    public record Provisioned(String node, Cluster cluster) {
    }

    /** Whether the inventory has a provisioner and some replica is pending because no node has room. */
    public static boolean wanted(Cluster cluster, List<PendingReplica> pending) {
        return cluster.spec().provisioner() != null && pending.stream().anyMatch(PendingReplica::lacksRoom);
    }

    /** Runs the provisioner of the {@code cluster} read from {@code inventory} and records the node it made. */
    public Provisioned addNode(Cluster cluster, Path inventory, List<PendingReplica> pending) {
        List<String> command = cluster.spec().provisioner().command();
        String source = "the provisioner " + String.join(" ", command);
        String reasons = String.join("; ", pending.stream().map(p -> p.deployment() + ": " + p.reason())
                .distinct().toList());
        say.accept("no node has room (" + reasons + "); running " + source);
        ProvisionerProcess.Output output = process.run(command, inventory, reasons);
        output.stderr().lines().forEach(line -> say.accept("provisioner: " + line));
        ProvisionerAnswer answer = ProvisionerAnswer.parse(output.stdout(), source);
        Cluster next = InventoryFile.addNode(inventory, answer.name(), answer.entry(), source);
        Cluster.Node node = next.spec().nodes().get(next.spec().nodes().size() - 1);
        recordHostKey(next, node, answer, source);
        return new Provisioned(answer.name(), next);
    }

    private void recordHostKey(Cluster cluster, Cluster.Node node, ProvisionerAnswer answer, String source) {
        Path knownHosts = userPaths.apply(cluster.spec().ssh().knownHosts());
        int port = node.port() != null ? node.port() : cluster.spec().ssh().port() != null
                ? cluster.spec().ssh().port() : 22;
        Optional<KnownHosts.HostKey> key = answer.hostKey(source);
        if (key.isEmpty()) {
            if (Cluster.Ssh.STRICT.equals(cluster.spec().ssh().hostKeyPolicy())) {
                say.accept("warning: " + source + " printed no hostKey for " + node.name() + " and hostKeyPolicy is "
                        + "strict: berth reaches it only if its key is already in " + knownHosts);
            }
            return;
        }
        try {
            KnownHosts.append(knownHosts, KnownHosts.hostToken(node.address(), port), key.get());
        } catch (UncheckedIOException e) {
            throw new ClusterException("node " + node.name() + " is in the inventory, but its host key could not be "
                    + "recorded in " + knownHosts + ": " + e.getCause().getMessage());
        }
    }
}
