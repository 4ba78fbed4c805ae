package dev.berth.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixture of the tests that talk SSH to real OpenSSH servers on loopback ports: one client key, the servers
 * (each accepting it, each with its own sshd_config lines), and a known_hosts file naming them all.
 */
public final class LoopbackServers implements AutoCloseable {
    /**
     * Timeouts of {@link #target}: a loaded machine may take seconds to connect or to answer, and no test that
     * takes them is about a timeout (a test that is sets its own).
     */
    public static final Duration PATIENCE = Duration.ofSeconds(60);
    /** sshd_config lines that forbid TCP forwarding: a Match block overrides LoopbackSshd's global "yes". */
    public static final List<String> NO_FORWARDING = List.of("Match all", "    AllowTcpForwarding no");

    private final Path directory;
    private final Path clientKey;
    private final Path knownHosts;
    private final Map<String, LoopbackSshd> servers;

    private LoopbackServers(Path directory, Path clientKey, Path knownHosts, Map<String, LoopbackSshd> servers) {
        this.directory = directory;
        this.clientKey = clientKey;
        this.knownHosts = knownHosts;
        this.servers = servers;
    }

    /** One plain server, named {@code sshd}. */
    public static LoopbackServers start(Path directory) throws IOException, InterruptedException {
        return start(directory, Map.of("sshd", List.of()));
    }

    /** A server per name, each with its extra sshd_config lines, in the map's order. */
    public static LoopbackServers start(Path directory, Map<String, List<String>> configs)
            throws IOException, InterruptedException {
        Path clientKey = KeyFiles.generate(directory.resolve("client/id_ed25519"), "");
        Map<String, LoopbackSshd> servers = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<String>> config : configs.entrySet()) {
            LoopbackSshd server = LoopbackSshd.start(directory.resolve(config.getKey()), KeyFiles.publicKey(clientKey),
                    config.getValue());
            servers.put(config.getKey(), server);
            lines.add(server.knownHostsLine("127.0.0.1"));
        }
        Path knownHosts = Files.writeString(directory.resolve("known_hosts"), String.join("\n", lines) + "\n");
        return new LoopbackServers(directory, clientKey, knownHosts, servers);
    }

    public LoopbackSshd server(String name) {
        return servers.get(name);
    }

    /** The only server, for a fixture of one. */
    public LoopbackSshd server() {
        return servers.values().iterator().next();
    }

    /** Node {@code node} as the server {@code server}: user root, the client key, {@link #PATIENCE} to connect and run. */
    public SshTarget target(String node, String server) {
        return target(node, servers.get(server).port());
    }

    /** Node {@code node} at {@code port} of the loopback address, as {@link #target(String, String)}. */
    public SshTarget target(String node, int port) {
        return SshTarget.of(node, "127.0.0.1", knownHosts).withPort(port).withUser("root")
                .withIdentityFiles(List.of(clientKey)).withTimeouts(PATIENCE, PATIENCE);
    }

    /** A transport with no ssh_config and no agent, its home under the fixture's directory. */
    public SshTransport transport() throws IOException {
        return SshTransport.start(SshConfig.empty(), Files.createDirectories(directory.resolve("home")), "root",
                PassphrasePrompt.none(), null);
    }

    @Override
    public void close() throws Exception {
        for (LoopbackSshd server : servers.values()) {
            server.close();
        }
    }
}
