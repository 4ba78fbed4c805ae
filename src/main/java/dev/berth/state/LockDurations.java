package dev.berth.state;

import java.time.Duration;

/** Durations as people read them in lock messages: {@code 45s}, {@code 2m5s}, {@code 1h0m3s}. */
final class LockDurations {
    private LockDurations() {
    }

    static String format(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + seconds % 60 + "s";
        }
        return seconds / 3600 + "h" + seconds % 3600 / 60 + "m" + seconds % 60 + "s";
    }
}
