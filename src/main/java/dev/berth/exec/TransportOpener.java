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
    TransportOpener SSH = local -> {
        Path sshConfig = local.home().resolve(".ssh").resolve("config");
        SshConfig config = Files.isRegularFile(sshConfig) ? SshConfig.read(sshConfig) : SshConfig.empty();
        return SshTransport.start(config, local.home(), local.localUser(), local.prompt(), local.agentSocket());
    };

    Transport open(LocalSsh local);
}
