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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback SSH server for the one run that trains berth's class-data archive at install time
 * ({@code install.sh}): berth's SSH path then loads, links and archives the classes a real verb uses. It
 * answers berth's node probe with one fixed node and one container; keeps, per node, the cluster state record
 * berth writes ({@code berth-state-write}, told apart by the script's {@code $0} as on a real node) and answers
 * the reads of it ({@code berth-state-read}), so that a read verb then decodes and plans a real desired state;
 * and answers every other command with nothing and exit status 0. It accepts only the client key it generated
 * into its directory.
 */
public final class TrainingServer implements AutoCloseable {
    /** The files written into the directory: the client's key and the known_hosts that pins the server. */
    public static final String IDENTITY = "id_ed25519";
    public static final String KNOWN_HOSTS = "known_hosts";
    static final String PROBE_MARKER = "--- berth:containers ---";
    static final String STATE_READ = "berth-state-read";
    static final String STATE_WRITE = "berth-state-write";

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
                AtomicReference<byte[]> record = new AtomicReference<>(new byte[0]);
                server.setCommandFactory((channel, command) -> new Answer(command, probe, record));
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

    /** Writes the answer its command gets, then exits 0. */
    private static final class Answer extends AbstractCommandSupport {
        private static final byte[] WRITTEN = "written\n".getBytes(StandardCharsets.US_ASCII);

        private final byte[] probe;
        private final AtomicReference<byte[]> record;

        Answer(String command, byte[] probe, AtomicReference<byte[]> record) {
            super(command, null);
            this.probe = probe;
            this.record = record;
        }

        @Override
        public void run() {
            try {
                getOutputStream().write(answer(getCommand()));
                getOutputStream().flush();
                onExit(0);
            } catch (IOException e) {
                onExit(1, e.getMessage());
            }
        }

        private byte[] answer(String command) throws IOException {
            if (command.contains(PROBE_MARKER)) {
                return probe;
            }
            if (command.contains(STATE_WRITE)) {
                record.set(getInputStream().readAllBytes());
                return WRITTEN;
            }
            return command.contains(STATE_READ) ? record.get() : new byte[0];
        }
    }
}
