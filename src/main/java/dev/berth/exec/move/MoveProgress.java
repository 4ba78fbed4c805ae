package dev.berth.exec.move;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A copy's progress on stderr: a line with the bytes read and the rate at most every {@link #EVERY}, and a last
 * line when the pass ends. With a rate limit, the pass is held back to it here, as the bytes are counted.
 */
final class MoveProgress implements LongConsumer {
    static final Duration EVERY = Duration.ofSeconds(2);

    private final Consumer<String> notes;
    private final Clock clock;
    private final String what;
    private final long bytesPerSecond;
    private final Instant started;
    private Instant lastLine;
    private long bytes;

    /**
     * @param what           the pass, as the lines name it: {@code persistentvolumeclaim/data: first copy node-1 -> node-2}
     * @param bytesPerSecond the most the pass may read per second; 0 for no limit
     */
    MoveProgress(Consumer<String> notes, Clock clock, String what, long bytesPerSecond) {
        this.notes = notes;
        this.clock = clock;
        this.what = what;
        this.bytesPerSecond = bytesPerSecond;
        this.started = clock.instant();
        this.lastLine = started;
    }

    @Override
    public void accept(long bytesSoFar) {
        bytes = bytesSoFar;
        if (bytesPerSecond > 0) {
            long dueMillis = bytes * 1000 / bytesPerSecond - Duration.between(started, clock.instant()).toMillis();
            if (dueMillis > 0) {
                try {
                    Thread.sleep(dueMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        Instant now = clock.instant();
        if (!now.isBefore(lastLine.plus(EVERY))) {
            lastLine = now;
            notes.accept(what + ": " + size(bytes) + " (" + rate(now) + ")");
        }
    }

    /** The pass's last line: what it read, in how long, and what it adds. */
    void done(String more) {
        Instant now = clock.instant();
        notes.accept(what + ": " + size(bytes) + " in " + seconds(Duration.between(started, now)) + " (" + rate(now)
                + ")" + (more.isEmpty() ? "" : ", " + more));
    }

    private String rate(Instant now) {
        long millis = Math.max(1, Duration.between(started, now).toMillis());
        return size(bytes * 1000 / millis) + "/s";
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }

    /** {@code 512 B}, {@code 12.3 KiB}, {@code 4.0 MiB}, {@code 1.2 GiB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
