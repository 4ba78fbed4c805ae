package dev.berth.exec.probe;

import dev.berth.exec.ClusterAccess;
import dev.berth.exec.NodeObservation;
import dev.berth.model.IntOrString;
import dev.berth.model.ObservedContainer;
import dev.berth.model.Probe;
import dev.berth.ssh.LoopbackServers;
import dev.berth.ssh.LoopbackSshd;
import dev.berth.ssh.SshTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * httpGet and tcpSocket probes through real OpenSSH servers on loopback ports, to services on this machine
 * (standing in for a container's address on the node): over direct-tcpip channels, and through bash on a server
 * that forbids TCP forwarding.
 */
@EnabledIf("dev.berth.ssh.LoopbackSshd#available")
class ProbesOverSshTest {
    @TempDir
    static Path dir;
    static LoopbackServers servers;

    SshTransport transport;
    ProbeRunner runner;
    Service service;

    @BeforeAll
    static void startServers() throws Exception {
        servers = LoopbackServers.start(dir, Map.of("open", List.of(), "hardened", LoopbackServers.NO_FORWARDING));
    }

    @AfterAll
    static void stopServers() throws Exception {
        servers.close();
    }

    @BeforeEach
    void start() throws IOException {
        transport = servers.transport();
        ClusterAccess access = FakeNodes.access(transport, List.of(servers.target("node-1", "open"),
                servers.target("node-2", "hardened")));
        runner = new ProbeRunner(access, Clock.systemUTC());
        service = new Service();
    }

    @AfterEach
    void stop() throws IOException {
        service.close();
        transport.close();
    }

    /**
     * No test here is about a probe's timeout, and on a loaded machine an answer over SSH (through bash, on the
     * hardened server) may take seconds: each probe may take a minute.
     */
    private static final int TIMEOUT_SECONDS = 60;

    static Probe http(int port) {
        return new Probe(new Probe.HttpGet("/ready", IntOrString.of(port), "HTTP"), null, null, 0, 10,
                TIMEOUT_SECONDS, 1, 3);
    }

    static Probe tcp(int port) {
        return new Probe(null, new Probe.TcpSocket(IntOrString.of(port)), null, 0, 10, TIMEOUT_SECONDS, 1, 3);
    }

    ObservedContainer probe(String node, Probe readiness) {
        ObservedContainer container = FakeNodes.container("c1", "web-1", "127.0.0.1",
                Instant.now().minus(Duration.ofHours(1)), readiness, null, null);
        List<NodeObservation> observed = runner.probe(List.of(FakeNodes.node(node, container)));
        return observed.get(0).snapshot().containers().get(0);
    }

    @Nested
    class OverDirectTcpipChannels {
        @Test
        void anAnswerOf200IsHealthyAndTheRequestIsWhatKubernetesSends() throws Exception {
            service.answer("200 OK");

            ObservedContainer probed = probe("node-1", http(service.port()));

            assertThat(probed.health()).isEqualTo("healthy");
            assertThat(service.lastRequest()).isEqualTo("GET /ready HTTP/1.1\r\nHost: 127.0.0.1:" + service.port()
                    + "\r\nUser-Agent: berth-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n");
        }

        @Test
        void anAnswerOf500IsUnhealthyWithTheStatusCode() {
            service.answer("500 Internal Server Error");

            ObservedContainer probed = probe("node-1", http(service.port()));

            assertThat(probed.health()).isEqualTo("unhealthy");
            assertThat(probed.healthDetail()).isEqualTo("HTTP probe failed with statuscode: 500");
        }

        @Test
        void aClosedPortIsConnectionRefused() throws Exception {
            int closed = LoopbackSshd.freePort();

            assertThat(probe("node-1", tcp(closed)).healthDetail())
                    .isEqualTo("dial tcp 127.0.0.1:" + closed + ": connect: connection refused");
            assertThat(probe("node-1", http(closed)).healthDetail()).isEqualTo("Get \"http://127.0.0.1:" + closed
                    + "/ready\": dial tcp 127.0.0.1:" + closed + ": connect: connection refused");
        }

        @Test
        void anOpenPortPassesATcpProbe() {
            assertThat(probe("node-1", tcp(service.port())).health()).isEqualTo("healthy");
        }
    }

    @Nested
    class ThroughBashWhenTheServerForbidsForwarding {
        @Test
        void anAnswerOf200IsHealthy() throws Exception {
            service.answer("200 OK");

            ObservedContainer probed = probe("node-2", http(service.port()));

            assertThat(probed.health()).isEqualTo("healthy");
            assertThat(service.lastRequest()).startsWith("GET /ready HTTP/1.1\r\nHost: 127.0.0.1:" + service.port());
        }

        @Test
        void anAnswerOf500IsUnhealthyWithTheStatusCode() {
            service.answer("500 Internal Server Error");

            assertThat(probe("node-2", http(service.port())).healthDetail())
                    .isEqualTo("HTTP probe failed with statuscode: 500");
        }

        @Test
        void aClosedPortIsConnectionRefused() throws Exception {
            int closed = LoopbackSshd.freePort();

            assertThat(probe("node-2", tcp(closed)).healthDetail())
                    .isEqualTo("dial tcp 127.0.0.1:" + closed + ": connect: connection refused");
        }
    }

    /** A local HTTP service answering every request with one status line, keeping the last request's head. */
    static final class Service implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private volatile String status = "200 OK";
        private volatile String lastRequest = "";
        private final Thread acceptor;

        Service() throws IOException {
            acceptor = new Thread(this::serve, "probe-test-service");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        void answer(String newStatus) {
            status = newStatus;
        }

        int port() {
            return socket.getLocalPort();
        }

        String lastRequest() {
            return lastRequest;
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    client.setSoTimeout(10_000);
                    lastRequest = head(client.getInputStream());
                    client.getOutputStream().write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // a tcpSocket probe closes without a request; the next client is served
                }
            }
        }

        private static String head(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            return head.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
