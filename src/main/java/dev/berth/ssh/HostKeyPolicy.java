package dev.berth.ssh;

/** What to do with a host key that known_hosts does not list. A changed key is refused under every policy. */
public enum HostKeyPolicy {
    /** Refuse unknown keys (OpenSSH {@code StrictHostKeyChecking yes}). */
    STRICT,
    /** Record unknown keys in known_hosts and go on (OpenSSH {@code StrictHostKeyChecking accept-new}). */
    ACCEPT_NEW
}
