package dev.berth.state;

import java.time.Duration;

/** Durations as people read them in lock messages: {@code 45s}, {@code 1m}, {@code 2m5s}, {@code 1h30m}. */
final class LockDurations {
    private LockDurations() {
    }

    static String format(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        String hours = seconds >= 3600 ? seconds / 3600 + "h" : "";
        String minutes = seconds % 3600 / 60 > 0 ? seconds % 3600 / 60 + "m" : "";
        String rest = seconds % 60 > 0 ? seconds % 60 + "s" : "";
        String text = hours + minutes + rest;
        return text.isEmpty() ? "0s" : text;
    }
}
