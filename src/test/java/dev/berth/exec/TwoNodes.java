package dev.berth.exec;

import dev.berth.model.Cluster;
import dev.berth.model.ObjectMeta;
import dev.berth.ssh.FanOut;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.Transport;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cluster of the executor's tests: node-1 and node-2, reached through a transport the test plays. */
final class TwoNodes {
    private TwoNodes() {
    }

    static ClusterAccess over(Transport transport) {
        Cluster cluster = new Cluster(Cluster.API_VERSION, Cluster.KIND, new ObjectMeta("t", null, Map.of(), Map.of()),
                new Cluster.Spec(new Cluster.Ssh("berth", null, List.of(), "/dev/null", "strict", null, "1s", "1s", 4),
                        null, List.of(node("node-1"), node("node-2")), List.of(), null));
        Map<String, SshTarget> targets = new LinkedHashMap<>();
        targets.put("node-1", SshTarget.of("node-1", "10.0.0.1", Path.of("/dev/null")));
        targets.put("node-2", SshTarget.of("node-2", "10.0.0.2", Path.of("/dev/null")));
        return new ClusterAccess(cluster, targets, transport, new FanOut(4));
    }

    private static Cluster.Node node(String name) {
        return new Cluster.Node(name, "10.0.0.1", null, null, Map.of(), List.of(), null);
    }
}
