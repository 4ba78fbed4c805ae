package dev.berth.cli.lock;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.state.LockStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The table of {@code lock status} and {@code lock release}: one row per state node. */
final class LockListing {
    private static final List<Column> COLUMNS = List.of(Column.of("NODE"), Column.of("STATE"), Column.of("HOLDER"),
            Column.of("COMMAND"), Column.of("SINCE"), Column.of("EXPIRES"), Column.wide("PID"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LockListing() {
    }

    /** One state node's lock, as {@code -o json|yaml} print it. */
    record NodeLockDocument(String node, String state, String holder, String command, Long pid, Instant since,
                    Long expiresInSeconds, String error) {
    }

    static Listing of(LockStatus status, ZoneId zone) {
        return Listing.of(COLUMNS, status.nodes().stream().map(lock -> item(lock, zone)).toList())
                .withEmptyMessage("No state nodes.");
    }

    private static Listing.Item item(LockStatus.NodeLock lock, ZoneId zone) {
        String state = lock.state().name().charAt(0) + lock.state().name().substring(1).toLowerCase();
        if (lock.lease() == null) {
            return new Listing.Item("node/" + lock.node(), List.of(lock.node(), state, "<none>", "", "", "", ""),
                    new NodeLockDocument(lock.node(), state, null, null, null, null, null, lock.error()));
        }
        Instant since = Instant.ofEpochSecond(lock.lease().acquired());
        long expiresIn = lock.expiresIn().toSeconds();
        String expires = lock.state() == LockStatus.State.HELD ? "in " + seconds(expiresIn)
                : lock.state() == LockStatus.State.EXPIRED ? seconds(-expiresIn) + " ago" : "";
        return new Listing.Item("node/" + lock.node(), List.of(lock.node(), state, lock.lease().holder().who(),
                lock.lease().holder().command(), TIME.format(since.atZone(zone)), expires,
                String.valueOf(lock.lease().holder().pid())),
                new NodeLockDocument(lock.node(), state, lock.lease().holder().who(), lock.lease().holder().command(),
                        lock.lease().holder().pid(), since, expiresIn, null));
    }

    private static String seconds(long seconds) {
        return seconds < 60 ? seconds + "s" : seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
    }
}
