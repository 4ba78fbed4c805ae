package dev.berth.state;

import dev.berth.error.ClusterException;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Instant;

/** Another run holds the cluster's lock (exit 3). */
public final class LockHeldException extends ClusterException {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LeaseInfo lease;

    LockHeldException(LeaseInfo lease, long nodeNow, ZoneId zone) {
        super("cluster is locked by " + lease.holder() + " since "
                + TIME.format(Instant.ofEpochSecond(lease.acquired()).atZone(zone))
                + ", lease expires in " + LockDurations.format(lease.expiresIn(nodeNow))
                + "; wait with --lock-wait 2m or free it with berth lock release");
        this.lease = lease;
    }

    /** The lease that stood in the way. */
    public LeaseInfo lease() {
        return lease;
    }
}
