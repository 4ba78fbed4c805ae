package dev.berth.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One SSH server to log in to, with every setting decided: a node, or a jump host on the way to one.
 *
 * @param label              how messages name it: the node's name, or the jump host as written
 * @param hostName           the name to connect to and to look up in known_hosts
 * @param explicitIdentities whether identityFiles were configured (a missing one is then an error)
 */
record Endpoint(String label, String hostName, int port, String user, List<Path> identityFiles,
                boolean explicitIdentities, Path knownHostsFile, HostKeyPolicy hostKeyPolicy,
                Duration connectTimeout) {

    /** {@code node-2 (10.0.0.12:22)}, the prefix of every message about this server. */
    String describe() {
        return label + " (" + hostName + ":" + port + ")";
    }
}
