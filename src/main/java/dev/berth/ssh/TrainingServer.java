package dev.berth.ssh;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.command.AbstractCommandSupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback SSH server for the one run that trains berth's class-data archive at install time
 * ({@code install.sh}): berth's SSH path then loads, links and archives the classes a real verb uses. It
 * answers berth's node probe with one fixed node and one container, and every other command with nothing and
 * exit status 0. It accepts only the client key it generated into its directory.
 */
public final class TrainingServer implements AutoCloseable {
    /** The files written into the directory: the client's key and the known_hosts that pins the server. */
    public static final String IDENTITY = "id_ed25519";
    public static final String KNOWN_HOSTS = "known_hosts";
    static final String PROBE_MARKER = "--- berth:containers ---";

    private final List<SshServer> servers;
    private final List<Integer> ports;

    private TrainingServer(List<SshServer> servers, List<Integer> ports) {
        this.servers = servers;
        this.ports = ports;
    }

    /**
     * Starts {@code nodes} servers (one per node of the training cluster, each on an ephemeral loopback port) and
     * writes {@link #IDENTITY} and {@link #KNOWN_HOSTS} into {@code directory}.
     */
    public static TrainingServer start(Path directory, int nodes) throws IOException {
        try {
            KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            KeyPair clientKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            byte[] probe;
            try (InputStream in = TrainingServer.class.getResourceAsStream("training-probe.txt")) {
                probe = in.readAllBytes();
            }
            List<SshServer> servers = new ArrayList<>();
            List<Integer> ports = new ArrayList<>();
            for (int node = 0; node < nodes; node++) {
                SshServer server = SshServer.setUpDefaultServer();
                server.setHost("127.0.0.1");
                server.setPort(0);
                server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
                server.setPasswordAuthenticator(null);
                server.setKeyboardInteractiveAuthenticator(null);
                server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, clientKey.getPublic()));
                server.setCommandFactory((channel, command) ->
                        new Answer(command, command.contains(PROBE_MARKER) ? probe : new byte[0]));
                server.start();
                servers.add(server);
                ports.add(((InetSocketAddress) server.getBoundAddresses().iterator().next()).getPort());
            }
            writeFiles(directory, clientKey, hostKey.getPublic(), ports);
            return new TrainingServer(List.copyOf(servers), List.copyOf(ports));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate the training keys: " + e.getMessage(), e);
        }
    }

    /** The servers' ports, one per node. */
    public List<Integer> ports() {
        return ports;
    }

    private static void writeFiles(Path directory, KeyPair clientKey, PublicKey hostKey, List<Integer> ports)
            throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(directory.resolve(IDENTITY))) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "berth-training", null, out);
        }
        StringBuilder knownHosts = new StringBuilder();
        for (int port : ports) {
            knownHosts.append("[127.0.0.1]:").append(port).append(' ').append(PublicKeyEntry.toString(hostKey)).append('\n');
        }
        Files.writeString(directory.resolve(KNOWN_HOSTS), knownHosts);
    }

    @Override
    public void close() {
        for (SshServer server : servers) {
            try {
                server.stop(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writes its fixed answer, then exits 0. */
    private static final class Answer extends AbstractCommandSupport {
        private final byte[] output;

        Answer(String command, byte[] output) {
            super(command, null);
            this.output = output;
        }

        @Override
        public void run() {
            try {
                getOutputStream().write(output);
                getOutputStream().flush();
                onExit(0);
            } catch (IOException e) {
                onExit(1, e.getMessage());
            }
        }
    }
}
