package dev.berth.exec.probe;

import dev.berth.docker.ProbeLabel;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.NodeObservation;
import dev.berth.model.BerthLabels;
import dev.berth.model.Cluster;
import dev.berth.model.Container;
import dev.berth.model.EngineFacts;
import dev.berth.model.NodeSnapshot;
import dev.berth.model.ObjectMeta;
import dev.berth.model.ObservedContainer;
import dev.berth.model.Probe;
import dev.berth.ssh.CommandResult;
import dev.berth.ssh.ConnectFailure;
import dev.berth.ssh.FanOut;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.TcpConnection;
import dev.berth.ssh.Transport;
import dev.berth.ssh.Tunnel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Nodes behind a transport whose connections and commands a test scripts; it records what it was asked. */
final class FakeNodes implements Transport {
    final List<String> asked = Collections.synchronizedList(new ArrayList<>());
    /** Answers {@code "node host:port"}; absent keys are refused. */
    final Map<String, Function<String, CompletableFuture<TcpConnection>>> connections = new LinkedHashMap<>();
    /** Answers a command line (argv joined by spaces); absent ones exit 0. */
    final Map<String, Function<String, CompletableFuture<CommandResult>>> commands = new LinkedHashMap<>();

    static CompletableFuture<CommandResult> exit(int code, String stdout, String stderr) {
        return CompletableFuture.completedFuture(new CommandResult(code, stdout.getBytes(StandardCharsets.UTF_8),
                stderr.getBytes(StandardCharsets.UTF_8)));
    }

    ClusterAccess access(String... nodes) {
        List<SshTarget> targets = new ArrayList<>();
        for (String node : nodes) {
            targets.add(SshTarget.of(node, "10.0.0.1", Path.of("/dev/null")));
        }
        return access(this, targets);
    }

    /** The cluster of these targets, reached through {@code transport}. */
    static ClusterAccess access(Transport transport, List<SshTarget> targets) {
        List<Cluster.Node> inventory = new ArrayList<>();
        Map<String, SshTarget> byName = new LinkedHashMap<>();
        for (SshTarget target : targets) {
            inventory.add(new Cluster.Node(target.name(), target.host(), null, null, Map.of(), List.of(), null));
            byName.put(target.name(), target);
        }
        Cluster cluster = new Cluster(Cluster.API_VERSION, Cluster.KIND, new ObjectMeta("t", null, Map.of(), Map.of()),
                new Cluster.Spec(new Cluster.Ssh("berth", null, List.of(), "/dev/null", "strict", null, "1s", "1s", 4),
                        null, inventory, List.of(), null));
        return new ClusterAccess(cluster, byName, transport, new FanOut(4));
    }

    static NodeObservation node(String name, ObservedContainer... containers) {
        EngineFacts engine = new EngineFacts(name, "27.0.1", "Debian", "6.1", "x86_64", 2, 1L << 30, 1, 1);
        return new NodeObservation(new Cluster.Node(name, "10.0.0.1", null, null, Map.of(), List.of(), null),
                NodeObservation.NodeStatus.READY, new NodeSnapshot(engine, List.of(containers), "/home/berth", List.of()),
                "");
    }

    /** A running container of pod {@code pod} with the label berth puts on it for these probes. */
    static ObservedContainer container(String id, String pod, String address, Instant startedAt,
                                       Probe readiness, Probe liveness, Probe startup) {
        Map<String, String> labels = new LinkedHashMap<>(Map.of(BerthLabels.MANAGED, "true", BerthLabels.POD, pod,
                BerthLabels.NAMESPACE, "default"));
        String label = ProbeLabel.of(new Container("app", "app:v1", "IfNotPresent", List.of(), List.of(), null,
                List.of(new Container.Port("http", 8080, null, "TCP")), List.of(), List.of(), null, List.of(),
                liveness, readiness, startup));
        if (label != null) {
            labels.put(BerthLabels.PROBES, label);
        }
        return new ObservedContainer(id, "default_" + pod + "_" + id, "app:v1", labels, "running", 0, false, null, 0,
                startedAt, startedAt, null, address == null ? Map.of() : Map.of("berth", address), List.of());
    }

    @Override
    public CompletableFuture<TcpConnection> connect(SshTarget node, String host, int port) {
        String key = node.name() + " " + host + ":" + port;
        asked.add("connect " + key);
        Function<String, CompletableFuture<TcpConnection>> answer = connections.get(key);
        if (answer == null) {
            return CompletableFuture.failedFuture(new ConnectFailure(node.name(),
                    ConnectFailure.Reason.REFUSED, node.name() + ": " + host + ":" + port
                    + ": connection refused"));
        }
        return answer.apply(key);
    }

    @Override
    public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv) {
        String line = String.join(" ", argv);
        asked.add("run " + node.name() + " " + line + " (within " + node.commandTimeout().toSeconds() + "s)");
        for (Map.Entry<String, Function<String, CompletableFuture<CommandResult>>> answer : commands.entrySet()) {
            if (line.startsWith(answer.getKey())) {
                return answer.getValue().apply(line);
            }
        }
        return exit(0, "", "");
    }

    @Override
    public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv, byte[] stdin) {
        return run(node, argv);
    }

    @Override
    public CompletableFuture<Void> upload(SshTarget node, byte[] content, String remotePath, int mode) {
        throw new UnsupportedOperationException("probes upload nothing");
    }

    @Override
    public Tunnel tunnel(SshTarget node, int remotePort) {
        throw new UnsupportedOperationException("probes open no tunnels");
    }

    @Override
    public void close() {
    }
}
