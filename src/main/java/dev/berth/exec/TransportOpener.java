package dev.berth.exec;

import dev.berth.ssh.SshConfig;
import dev.berth.ssh.SshTransport;
import dev.berth.ssh.Transport;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
