package dev.berth.state;

import dev.berth.ssh.SshTarget;

import java.time.Duration;
import java.util.function.Function;

/**
 * Where state lives on a node and how long a lease lasts.
 *
 * @param directory berth's directory on each node: relative to the SSH user's home, or absolute
 * @param lease     how long a lock lasts without renewal; a killed run's lock is free after this long
 */
public record StateSettings(Function<SshTarget, String> directory, Duration lease) {
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

    public StateSettings {
        if (lease.toSeconds() < 1) {
            throw new IllegalArgumentException("a lease lasts at least 1s, got " + lease);
        }
    }

    /** {@code ~/.berth} on every node, leases of a minute. */
    public static StateSettings defaults() {
        return new StateSettings(node -> StateScripts.DEFAULT_DIRECTORY, DEFAULT_LEASE);
    }

    public StateSettings withDirectory(Function<SshTarget, String> perNode) {
        return new StateSettings(perNode, lease);
    }

    public StateSettings withLease(Duration duration) {
        return new StateSettings(directory, duration);
    }

    /** How often a held lease is renewed: three times per lease. */
    Duration heartbeat() {
        return lease.dividedBy(3);
    }
}
