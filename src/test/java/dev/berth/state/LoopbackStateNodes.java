package dev.berth.state;

import dev.berth.ssh.FanOut;
import dev.berth.ssh.KeyFiles;
import dev.berth.ssh.LoopbackSshd;
import dev.berth.ssh.PassphrasePrompt;
import dev.berth.ssh.SshConfig;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.SshTransport;
import dev.berth.ssh.Transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Three state nodes on one real sshd on loopback: each node is a name with its own berth directory. A node
 * listed as down is reached on a closed port, as if its server were gone. The nodes share one {@link NodeClock}.
 */
final class LoopbackStateNodes implements AutoCloseable {
    static final List<String> NAMES = List.of("node-1", "node-2", "node-3");

    private final Path dir;
    private final LoopbackSshd sshd;
    private final Path clientKey;
    private final Path knownHosts;
    private final int closedPort;
    private final NodeClock clock;
    private final List<SshTransport> transports = new ArrayList<>();
    private final Map<Set<String>, SshTransport> byDownNodes = new HashMap<>();

    private LoopbackStateNodes(Path dir, LoopbackSshd sshd, Path clientKey, Path knownHosts, int closedPort,
                               NodeClock clock) {
        this.dir = dir;
        this.sshd = sshd;
        this.clientKey = clientKey;
        this.knownHosts = knownHosts;
        this.closedPort = closedPort;
        this.clock = clock;
    }

    static LoopbackStateNodes start(Path dir) throws Exception {
        Path clientKey = KeyFiles.generate(dir.resolve("client/id_ed25519"), "");
        NodeClock clock = NodeClock.install(dir.resolve("clock"));
        LoopbackSshd sshd = LoopbackSshd.start(dir.resolve("sshd"), KeyFiles.publicKey(clientKey), List.of(
                "SetEnv PATH=" + clock.bin() + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine("127.0.0.1") + "\n");
        return new LoopbackStateNodes(dir, sshd, clientKey, knownHosts, LoopbackSshd.freePort(), clock);
    }

    /** The clock the nodes' lock scripts read: the real one until a test sets it. */
    NodeClock clock() {
        return clock;
    }

    /** Starts {@link LockHolderProcess} in a JVM of its own, holding the lock with a lease of {@code seconds}. */
    Process lockHolder(long seconds) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolderProcess.class.getName(),
                knownHosts.toString(), clientKey.toString(), String.valueOf(sshd.port()), String.valueOf(seconds)));
        NAMES.forEach(name -> command.add(directory(name).toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** berth's directory on a node. */
    Path directory(String node) {
        return dir.resolve("nodes").resolve(node);
    }

    Path record(String node) {
        return directory(node).resolve("state/record.json");
    }

    List<SshTarget> targets(Set<String> down) {
        return NAMES.stream().map(name -> SshTarget.of(name, "127.0.0.1", knownHosts)
                        .withPort(down.contains(name) ? closedPort : sshd.port()).withUser("root")
                        .withIdentityFiles(List.of(clientKey))
                        .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .toList();
    }

    /** A transport of its own, as another berth process would have. */
    synchronized SshTransport transport() throws IOException {
        SshTransport transport = SshTransport.start(SshConfig.empty(), Files.createDirectories(dir.resolve("home")),
                "root", PassphrasePrompt.none(), null);
        transports.add(transport);
        return transport;
    }

    /**
     * The cluster's state as a berth run sees it, with {@code down} nodes unreachable. Runs that see the same nodes
     * down share one transport, and so its sessions: handshakes are what makes these tests slow.
     */
    ClusterState state(Holder holder, Duration lease, String... down) throws IOException {
        SshTransport shared;
        synchronized (this) {
            shared = shared(Set.of(down));
        }
        return state(shared, holder, lease, down);
    }

    /** Like {@link #state(Holder, Duration, String...)}, through {@code transport}. */
    ClusterState state(Transport transport, Holder holder, Duration lease, String... down) {
        return new ClusterState(transport, new FanOut(8), targets(Set.of(down)), holder, Clock.systemUTC(),
                StateSettings.defaults().withLease(lease)
                        .withDirectory(node -> directory(node.name()).toString()));
    }

    private SshTransport shared(Set<String> down) throws IOException {
        SshTransport existing = byDownNodes.get(down);
        if (existing == null) {
            existing = transport();
            byDownNodes.put(down, existing);
        }
        return existing;
    }

    @Override
    public void close() throws Exception {
        transports.forEach(SshTransport::close);
        sshd.close();
    }
}
