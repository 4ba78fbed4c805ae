package dev.berth.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on a loopback port, started by a test with its own host keys (ed25519, ecdsa and rsa,
 * like a stock sshd), config and authorized_keys in a temporary directory. Logs go to a file the test can read.
 */
public final class LoopbackSshd implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    /** Host key types as ssh-keygen's {@code -t} names them. */
    public static final List<String> HOST_KEY_TYPES = List.of("ed25519", "ecdsa", "rsa");

    private final Process process;
    private final int port;
    private final Path directory;

    private LoopbackSshd(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    public static boolean available() {
        return Files.isExecutable(SSHD) && "root".equals(System.getProperty("user.name"));
    }

    /** Starts a server in {@code directory} that lets in the holders of the keys in {@code authorizedKeys}. */
    public static LoopbackSshd start(Path directory, Path authorizedKeys) throws IOException, InterruptedException {
        return start(directory, authorizedKeys, List.of());
    }

    /**
     * Like {@link #start(Path, Path)}, with more sshd_config lines, e.g. {@code SetEnv HOME=/tmp/node-1} to give
     * the sessions of this server a home of their own.
     */
    public static LoopbackSshd start(Path directory, Path authorizedKeys, List<String> extraConfig)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Files.createDirectories(Path.of("/run/sshd"));
        List<String> settings = new ArrayList<>(List.of("ListenAddress 127.0.0.1"));
        for (String type : HOST_KEY_TYPES) {
            Path hostKey = directory.resolve("host_" + type);
            if (!Files.exists(hostKey)) {
                KeyFiles.generate(hostKey, "", type);
            }
            settings.add("HostKey " + hostKey);
        }
        int port = freePort();
        Path config = directory.resolve("sshd_config");
        settings.addAll(List.of(
                "AuthorizedKeysFile " + authorizedKeys,
                "StrictModes no",
                "PidFile none",
                "UsePAM no",
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "AllowTcpForwarding yes",
                "LogLevel VERBOSE"));
        settings.addAll(extraConfig);
        Files.write(config, settings);
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-f", config.toString(), "-p", String.valueOf(port),
                "-E", directory.resolve("sshd.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("sshd.out").toFile())
                .start();
        LoopbackSshd sshd = new LoopbackSshd(process, port, directory);
        sshd.awaitListening();
        return sshd;
    }

    public int port() {
        return port;
    }

    Path hostPublicKey() {
        return hostPublicKey("ed25519");
    }

    /** The public host key of {@code type} (ed25519, ecdsa or rsa). */
    Path hostPublicKey(String type) {
        return directory.resolve("host_" + type + ".pub");
    }

    /** The known_hosts line for this server's ed25519 key under {@code host}, e.g. {@code [127.0.0.1]:40022 ssh-ed25519 AAAA}. */
    public String knownHostsLine(String host) throws IOException {
        return knownHostsLine(host, "ed25519");
    }

    /** The known_hosts line for this server's host key of {@code type} (ed25519, ecdsa or rsa) under {@code host}. */
    public String knownHostsLine(String host, String type) throws IOException {
        String[] key = Files.readString(hostPublicKey(type)).strip().split(" ");
        return KnownHosts.hostToken(host, port) + " " + key[0] + " " + key[1];
    }

    /** How often the server logged a successful public key login. */
    public long logins() throws IOException {
        return Files.readAllLines(directory.resolve("sshd.log")).stream()
                .filter(line -> line.contains("Accepted publickey"))
                .count();
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited: " + Files.readString(directory.resolve("sshd.out"))
                        + Files.readString(directory.resolve("sshd.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("sshd did not listen on port " + port);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
