package dev.berth.exec;

import dev.berth.ssh.SshConfig;
import dev.berth.ssh.SshTransport;
import dev.berth.ssh.TracingTransport;
import dev.berth.ssh.Transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How a run gets its one transport. A real run opens SSH sessions configured from the local
 * {@code ~/.ssh/config}; tests of the verbs hand in a cluster kept in memory instead.
 */
@FunctionalInterface
public interface TransportOpener {

    /** SSH with the local machine's config, keys and agent. No server is contacted until a command runs. */
    TransportOpener SSH = new TransportOpener() {
        @Override
        public Transport open(LocalSsh local) {
            Path sshConfig = local.home().resolve(".ssh").resolve("config");
            SshConfig config = Files.isRegularFile(sshConfig) ? SshConfig.read(sshConfig) : SshConfig.empty();
            return SshTransport.start(config, local.home(), local.localUser(), local.prompt(), local.agentSocket());
        }

        @Override
        public void prepare() {
            SshTransport.prepare();
        }
    };

    Transport open(LocalSsh local);

    /**
     * Called as soon as a run knows it will open the transport, before it reads its inventory: lets the transport
     * set itself up meanwhile, on another core. Nothing by default.
     */
    default void prepare() {
    }

    /**
     * This opener, its transports telling {@code trace} of every remote operation ({@code -v=6}) and, with
     * {@code handshakes}, of every SSH handshake step ({@code -v=8}).
     */
    default TransportOpener traced(Consumer<String> trace, boolean handshakes) {
        TransportOpener inner = this;
        return new TransportOpener() {
            @Override
            public Transport open(LocalSsh local) {
                Transport transport = inner.open(local);
                if (handshakes && transport instanceof SshTransport ssh) {
                    ssh.traceHandshakes(trace);
                }
                return new TracingTransport(transport, trace);
            }

            @Override
            public void prepare() {
                inner.prepare();
            }
        };
    }
}
