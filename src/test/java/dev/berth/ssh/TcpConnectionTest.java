package dev.berth.ssh;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** TCP connections from the node, over direct-tcpip channels of a real OpenSSH sshd on a loopback port. */
@EnabledIf("dev.berth.ssh.LoopbackSshd#available")
class TcpConnectionTest {
    @TempDir
    static Path dir;
    static LoopbackServers servers;

    SshTransport transport;

    @BeforeAll
    static void startServers() throws Exception {
        servers = LoopbackServers.start(dir, Map.of("open", List.of(), "hardened", LoopbackServers.NO_FORWARDING));
    }

    @AfterAll
    static void stopServers() throws Exception {
        servers.close();
    }

    @BeforeEach
    void startTransport() throws IOException {
        transport = servers.transport();
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    static SshTarget node(String name, String server) {
        return servers.target(name, server);
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    static ConnectFailure failureOf(CompletableFuture<?> future) {
        Throwable thrown = catchThrowable(() -> future.get(30, TimeUnit.SECONDS));
        assertThat(thrown).hasCauseInstanceOf(ConnectFailure.class);
        return (ConnectFailure) thrown.getCause();
    }

    /** Everything the connection brings until the peer closes it. */
    static String readAll(TcpConnection connection) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] chunk = await(connection.read()); chunk.length > 0; chunk = await(connection.read())) {
            all.write(chunk);
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    @Test
    void carriesBytesBothWays() throws Exception {
        try (ServerSocket service = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> received = answer(service, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

            try (TcpConnection connection = await(transport.connect(node("node-1", "open"), "127.0.0.1",
                    service.getLocalPort()))) {
                await(connection.write("GET /healthz HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.UTF_8)));

                assertThat(readAll(connection)).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            }
            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo("GET /healthz HTTP/1.1");
        }
    }

    @Test
    void reusesTheRunsSessionForEveryConnection() throws Exception {
        try (ServerSocket service = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 3; i++) {
                CompletableFuture<String> received = answer(service, "HTTP/1.1 500 Internal Server Error\r\n\r\n");
                try (TcpConnection connection = await(transport.connect(node("node-1", "open"), "127.0.0.1",
                        service.getLocalPort()))) {
                    await(connection.write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
                    assertThat(readAll(connection)).startsWith("HTTP/1.1 500 ");
                }
                received.get(30, TimeUnit.SECONDS);
            }
            assertThat(transport.sessionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void saysConnectionRefusedWhenNothingListens() throws Exception {
        int closedPort = LoopbackSshd.freePort();

        ConnectFailure failure = failureOf(transport.connect(node("node-1", "open"), "127.0.0.1", closedPort));

        assertThat(failure.reason()).isEqualTo(ConnectFailure.Reason.REFUSED);
        assertThat(failure.getMessage()).isEqualTo("node-1: 127.0.0.1:" + closedPort + ": connection refused");
    }

    @Test
    void saysSoWhenTheServerForbidsForwarding() throws Exception {
        try (ServerSocket service = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ConnectFailure failure = failureOf(transport.connect(node("node-2", "hardened"), "127.0.0.1",
                    service.getLocalPort()));

            assertThat(failure.reason()).isEqualTo(ConnectFailure.Reason.FORBIDDEN);
            assertThat(failure.getMessage()).isEqualTo("node-2 forbids TCP forwarding (AllowTcpForwarding no,"
                    + " or a PermitOpen that leaves out 127.0.0.1:" + service.getLocalPort() + ")");
        }
    }

    @Test
    void aPendingReadEndsWhenTheConnectionCloses() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            TcpConnection connection = await(transport.connect(node("node-1", "open"), "127.0.0.1",
                    silent.getLocalPort()));
            CompletableFuture<byte[]> read = connection.read();

            connection.close();

            assertThat(await(read)).isEmpty();
            accepted.get(30, TimeUnit.SECONDS).close();
        }
    }

    /** Accepts one connection, reads the request line, answers {@code response} and closes. */
    private static CompletableFuture<String> answer(ServerSocket service, String response) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket client = service.accept()) {
                client.setSoTimeout(20_000);
                String line = requestLine(client.getInputStream());
                client.getOutputStream().write(response.getBytes(StandardCharsets.UTF_8));
                return line;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String requestLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
