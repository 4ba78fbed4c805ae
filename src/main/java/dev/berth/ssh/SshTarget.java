package dev.berth.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach one node, as plain settings. Values left unset ({@code null} port or user, no identity files,
 * no jump host) are filled from {@code ~/.ssh/config}, then from OpenSSH's defaults.
 *
 * @param name           the node's name in the inventory, used in every message
 * @param host           the address or alias the user configured; known_hosts is matched against it
 *                       (or against the HostName an ssh_config alias gives), never against a resolved IP
 * @param port           the SSH port, or {@code null}
 * @param user           the login user, or {@code null}
 * @param identityFiles  private key files to offer after the keys of ssh-agent
 * @param knownHostsFile the known_hosts file to check and, with {@link HostKeyPolicy#ACCEPT_NEW}, to extend
 * @param hostKeyPolicy  what to do with an unknown host key
 * @param jumpHost       {@code [user@]host[:port]} to connect through (comma-separated for a chain), or {@code null}
 * @param connectTimeout limit for TCP connect, key exchange and authentication together
 * @param commandTimeout limit for one remote command
 */
public record SshTarget(String name, String host, Integer port, String user, List<Path> identityFiles,
                        Path knownHostsFile, HostKeyPolicy hostKeyPolicy, String jumpHost,
                        Duration connectTimeout, Duration commandTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(120);

    public SshTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(knownHostsFile, "knownHostsFile");
        identityFiles = List.copyOf(identityFiles);
        hostKeyPolicy = hostKeyPolicy == null ? HostKeyPolicy.STRICT : hostKeyPolicy;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        commandTimeout = commandTimeout == null ? DEFAULT_COMMAND_TIMEOUT : commandTimeout;
    }

    /** A node reached at {@code host} with every other setting left to ssh_config and defaults. */
    public static SshTarget of(String name, String host, Path knownHostsFile) {
        return new SshTarget(name, host, null, null, List.of(), knownHostsFile, HostKeyPolicy.STRICT, null,
                null, null);
    }

    public SshTarget withPort(int newPort) {
        return new SshTarget(name, host, newPort, user, identityFiles, knownHostsFile, hostKeyPolicy, jumpHost,
                connectTimeout, commandTimeout);
    }

    public SshTarget withUser(String newUser) {
        return new SshTarget(name, host, port, newUser, identityFiles, knownHostsFile, hostKeyPolicy, jumpHost,
                connectTimeout, commandTimeout);
    }

    public SshTarget withIdentityFiles(List<Path> files) {
        return new SshTarget(name, host, port, user, files, knownHostsFile, hostKeyPolicy, jumpHost,
                connectTimeout, commandTimeout);
    }

    public SshTarget withHostKeyPolicy(HostKeyPolicy policy) {
        return new SshTarget(name, host, port, user, identityFiles, knownHostsFile, policy, jumpHost,
                connectTimeout, commandTimeout);
    }

    public SshTarget withJumpHost(String jump) {
        return new SshTarget(name, host, port, user, identityFiles, knownHostsFile, hostKeyPolicy, jump,
                connectTimeout, commandTimeout);
    }

    public SshTarget withTimeouts(Duration connect, Duration command) {
        return new SshTarget(name, host, port, user, identityFiles, knownHostsFile, hostKeyPolicy, jumpHost,
                connect, command);
    }
}
