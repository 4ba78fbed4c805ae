package dev.berth.cli.lock;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.state.LockStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The table of {@code lock status} and {@code lock release}: one row per state node. */
final class LockView {
    private static final List<Column> COLUMNS = List.of(Column.of("NODE"), Column.of("STATE"), Column.of("HOLDER"),
            Column.of("COMMAND"), Column.of("SINCE"), Column.of("EXPIRES"), Column.wide("PID"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LockView() {
    }

    /** One state node's view, as {@code -o json|yaml} print it. */
    record NodeLock(String node, String state, String holder, String command, Long pid, Instant since,
                    Long expiresInSeconds, String error) {
    }

    static Listing listing(LockStatus status, ZoneId zone) {
        return Listing.of(COLUMNS, status.nodes().stream().map(view -> item(view, zone)).toList())
                .withEmptyMessage("No state nodes.");
    }

    private static Listing.Item item(LockStatus.NodeView view, ZoneId zone) {
        String state = view.state().name().charAt(0) + view.state().name().substring(1).toLowerCase();
        if (view.lease() == null) {
            return new Listing.Item("node/" + view.node(), List.of(view.node(), state, "<none>", "", "", "", ""),
                    new NodeLock(view.node(), state, null, null, null, null, null, view.error()));
        }
        Instant since = Instant.ofEpochSecond(view.lease().acquired());
        long expiresIn = view.expiresIn().toSeconds();
        String expires = view.state() == LockStatus.State.HELD ? "in " + seconds(expiresIn)
                : view.state() == LockStatus.State.EXPIRED ? seconds(-expiresIn) + " ago" : "";
        return new Listing.Item("node/" + view.node(), List.of(view.node(), state, view.lease().holder().who(),
                view.lease().holder().command(), TIME.format(since.atZone(zone)), expires,
                String.valueOf(view.lease().holder().pid())),
                new NodeLock(view.node(), state, view.lease().holder().who(), view.lease().holder().command(),
                        view.lease().holder().pid(), since, expiresIn, null));
    }

    private static String seconds(long seconds) {
        return seconds < 60 ? seconds + "s" : seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
    }
}
