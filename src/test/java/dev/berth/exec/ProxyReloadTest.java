package dev.berth.exec;

import dev.berth.docker.ProxyCommands;
import dev.berth.plan.Action;
import dev.berth.proxy.ConfigFile;
import dev.berth.proxy.NginxConfig;
import dev.berth.ssh.CommandResult;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.TcpConnection;
import dev.berth.ssh.Transport;
import dev.berth.ssh.Tunnel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reload protocol, step by step, over a transport that plays one node with one nginx on it. */
class ProxyReloadTest {
    private static final SshTarget NODE = SshTarget.of("node-1", "10.0.0.11", Path.of("/dev/null"));
    private static final String DIRECTORY = "/home/berth/.berth/proxies/berth-edge";
    private static final NginxConfig NEW = new NginxConfig("events {}\n", "bbbb22222222", 10254,
            List.of(new ConfigFile("tls/default.web-tls.key", "KEY".getBytes(StandardCharsets.UTF_8), 0600, true)),
            List.of());

    private final Nginx nginx = new Nginx();

    private static Action.ConfigureProxy edge(boolean running) {
        return new Action.ConfigureProxy("node-1", "berth-edge", DIRECTORY, "/etc/nginx/berth", "nginx:1.27",
                List.of("docker", "run", "berth-edge"), null, running, null, NEW, "routes changed");
    }

    private String apply(Action.ConfigureProxy proxy) {
        return new ProxyReload(nginx, Duration.ofMillis(600)).apply(NODE, proxy).join();
    }

    @Test
    void writesTheFilesAndTheCandidateChecksSwitchesReloadsVerifiesAndRecordsTheHash() {
        assertThat(apply(edge(true))).isEqualTo("serves bbbb22222222");

        assertThat(nginx.log).containsSubsequence(
                "upload " + DIRECTORY + "/tls/default.web-tls.key 600",
                "upload " + DIRECTORY + "/nginx.conf.next 644",
                "docker exec berth-edge nginx -t -q -c /etc/nginx/berth/nginx.conf.next",
                String.join(" ", ProxyCommands.switchToCandidate(DIRECTORY)),
                "docker exec berth-edge nginx -c /etc/nginx/berth/nginx.conf -s reload",
                "connect 127.0.0.1:10254",
                "upload " + DIRECTORY + "/loaded 644");
        assertThat(nginx.served).isEqualTo("bbbb22222222");
    }

    @Test
    void aCandidateNginxRefusesIsDroppedAndTheLiveOneIsNeverTouched() {
        nginx.refuses = true;

        assertThatThrownBy(() -> apply(edge(true))).isInstanceOf(CompletionException.class)
                .hasMessageContaining("nginx -t refused the configuration: nginx: [emerg] cannot load certificate");
        assertThat(nginx.log).contains("rm -f -- " + DIRECTORY + "/nginx.conf.next")
                .noneMatch(line -> line.startsWith("sh -c cd") || line.contains("reload"));
        assertThat(nginx.served).isEqualTo("aaaa11111111");
    }

    @Test
    void aReloadThatDoesNotTakeSwitchesBackReloadsAndSaysWhatNginxLogged() {
        nginx.reloadTakes = false;

        assertThatThrownBy(() -> apply(edge(true))).isInstanceOf(CompletionException.class)
                .hasMessageContaining("nginx did not serve the new configuration within 0s: "
                        + "nginx: [emerg] bind() to 0.0.0.0:443 failed");
        assertThat(nginx.log.stream().filter(line -> line.startsWith("sh -c cd")).toList()).hasSize(2);
        assertThat(nginx.log.get(nginx.log.size() - 1)).endsWith("-s reload");
        assertThat(nginx.log).noneMatch(line -> line.endsWith("/loaded 644"));
    }

    @Test
    void aProxyNotRunningIsCheckedInItsImageThenStarted() {
        nginx.served = null;

        assertThat(apply(edge(false))).isEqualTo("serves bbbb22222222");
        assertThat(nginx.log).contains("docker run --rm --network none --mount type=bind,src=" + DIRECTORY
                + ",dst=/etc/nginx/berth,readonly --entrypoint nginx nginx:1.27 -t -q -c /etc/nginx/berth/nginx.conf.next",
                "docker run berth-edge");
    }

    /** One node running one nginx that serves hash {@code served}, which a reload sets to the live file's. */
    private static final class Nginx implements Transport {
        final List<String> log = Collections.synchronizedList(new ArrayList<>());
        String served = "aaaa11111111";
        boolean refuses;
        boolean reloadTakes = true;

        @Override
        public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv) {
            String command = String.join(" ", argv);
            log.add(command);
            if (command.contains("nginx -t") && refuses) {
                return answer(1, "nginx: [emerg] cannot load certificate key \"/etc/nginx/berth/tls/x.key\"\n"
                        + "nginx: configuration file /etc/nginx/berth/nginx.conf.next test failed\n");
            }
            if ((command.endsWith("-s reload") || command.equals("docker run berth-edge")) && reloadTakes) {
                served = NEW.hash();
            }
            if (command.startsWith("docker logs")) {
                return answer(0, "nginx: [emerg] bind() to 0.0.0.0:443 failed (98: Address already in use)\n");
            }
            return answer(0, "");
        }

        private static CompletableFuture<CommandResult> answer(int exit, String stderr) {
            return CompletableFuture.completedFuture(new CommandResult(exit, new byte[0],
                    stderr.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv, byte[] stdin) {
            return run(node, argv);
        }

        @Override
        public CompletableFuture<Void> upload(SshTarget node, byte[] content, String remotePath, int mode) {
            log.add("upload " + remotePath + " " + Integer.toOctalString(mode));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<TcpConnection> connect(SshTarget node, String host, int port) {
            log.add("connect " + host + ":" + port);
            String hash = served;
            return CompletableFuture.completedFuture(new TcpConnection() {
                private byte[] answer = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + hash)
                        .getBytes(StandardCharsets.UTF_8);

                @Override
                public CompletableFuture<Void> write(byte[] bytes) {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletableFuture<byte[]> read() {
                    byte[] chunk = answer;
                    answer = new byte[0];
                    return CompletableFuture.completedFuture(chunk);
                }

                @Override
                public void close() {
                }
            });
        }

        @Override
        public Tunnel tunnel(SshTarget node, int remotePort) {
            throw new UnsupportedOperationException("no tunnels here");
        }

        @Override
        public void close() {
        }
    }
}
