package dev.berth.exec;

import dev.berth.model.Cluster;
import dev.berth.model.Durations;
import dev.berth.ssh.HostKeyPolicy;
import dev.berth.ssh.SshTarget;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps the inventory onto SSH settings per node: a node's own port and user win over the cluster's, and
 * what neither names is left to {@code ~/.ssh/config}. A jump host that names a node of the inventory is
 * reached at that node's address, port and user.
 */
public final class NodeTargets {

    private NodeTargets() {
    }

    /** One target per node, in inventory order, keyed by node name. */
    public static Map<String, SshTarget> of(Cluster cluster, Function<String, Path> userPaths) {
        Cluster.Ssh ssh = cluster.spec().ssh();
        List<Path> identities = ssh.identityFiles().stream().map(userPaths).toList();
        Path knownHosts = userPaths.apply(ssh.knownHosts());
        HostKeyPolicy policy = Cluster.Ssh.ACCEPT_NEW.equals(ssh.hostKeyPolicy())
                ? HostKeyPolicy.ACCEPT_NEW : HostKeyPolicy.STRICT;
        String jump = jumpHost(cluster, ssh.jumpHost());
        Duration connect = duration(ssh.connectTimeout());
        Duration command = duration(ssh.commandTimeout());
        Map<String, SshTarget> targets = new LinkedHashMap<>();
        for (Cluster.Node node : cluster.spec().nodes()) {
            String nodeJump = node.name().equals(ssh.jumpHost()) ? null : jump;
            targets.put(node.name(), new SshTarget(node.name(), node.address(),
                    node.port() != null ? node.port() : ssh.port(),
                    node.user() != null ? node.user() : ssh.user(),
                    identities, knownHosts, policy, nodeJump, connect, command));
        }
        return targets;
    }

    private static String jumpHost(Cluster cluster, String jumpHost) {
        if (jumpHost == null) {
            return null;
        }
        for (Cluster.Node node : cluster.spec().nodes()) {
            if (node.name().equals(jumpHost)) {
                String user = node.user() != null ? node.user() : cluster.spec().ssh().user();
                Integer port = node.port() != null ? node.port() : cluster.spec().ssh().port();
                return (user == null ? "" : user + "@") + node.address() + (port == null ? "" : ":" + port);
            }
        }
        return jumpHost;
    }

    private static Duration duration(String text) {
        return text == null ? null : Durations.parse(text).orElse(null);
    }
}
