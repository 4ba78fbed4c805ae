package dev.berth.exec;

import dev.berth.error.InvalidInputException;
import dev.berth.model.Cluster;
import dev.berth.ssh.FanOut;
import dev.berth.ssh.NodeResult;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.Transport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One run's way to the cluster: the inventory, an SSH target per node, one transport (one session per
 * node, reused by every command of the run) and a bounded fan-out.
 */
public final class ClusterAccess implements AutoCloseable {
    private final Cluster cluster;
    private final Map<String, SshTarget> targets;
    private final Transport transport;
    private final FanOut fanOut;

    public ClusterAccess(Cluster cluster, Map<String, SshTarget> targets, Transport transport, FanOut fanOut) {
        this.cluster = cluster;
        this.targets = Map.copyOf(targets);
        this.transport = transport;
        this.fanOut = fanOut;
    }

    /** Opens the transport for the cluster in the inventory with {@code opener} (e.g. {@link TransportOpener#SSH}). */
    public static ClusterAccess open(Cluster cluster, LocalSsh local, Function<String, Path> userPaths,
                                     TransportOpener opener) {
        Map<String, SshTarget> targets = NodeTargets.of(cluster, userPaths);
        return new ClusterAccess(cluster, targets, opener.open(local),
                FanOut.withinDescriptors(cluster.spec().ssh().parallelism()));
    }

    public Cluster cluster() {
        return cluster;
    }

    public Transport transport() {
        return transport;
    }

    public FanOut fanOut() {
        return fanOut;
    }

    /** Targets of every node, in inventory order. */
    public List<SshTarget> nodes() {
        List<SshTarget> nodes = new ArrayList<>();
        for (Cluster.Node node : cluster.spec().nodes()) {
            nodes.add(targets.get(node.name()));
        }
        return nodes;
    }

    /** The target of one node; an unknown name is a usage error listing the known ones. */
    public SshTarget node(String name) {
        SshTarget target = targets.get(name);
        if (target == null) {
            throw new InvalidInputException("no node \"" + name + "\" in cluster " + cluster.metadata().name()
                    + "; nodes: " + String.join(", ", cluster.spec().nodes().stream().map(Cluster.Node::name).toList()));
        }
        return target;
    }

    /** Runs {@code operation} on the given nodes, at most {@code parallelism} at a time; every node is awaited. */
    public <T> List<NodeResult<T>> onNodes(Collection<SshTarget> nodes,
                                           Function<SshTarget, CompletableFuture<T>> operation) {
        return fanOut.run(nodes, operation);
    }

    @Override
    public void close() {
        transport.close();
    }
}
