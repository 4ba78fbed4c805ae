package dev.berth.state;

import dev.berth.model.Durations;

import java.time.Duration;

/** Durations as people read them in lock messages, to the second: {@code 45s}, {@code 1m}, {@code 2m5s}, {@code 1h30m}. */
final class LockDurations {
    private LockDurations() {
    }

    static String format(Duration duration) {
        return Durations.format(Duration.ofSeconds(Math.max(0, duration.toSeconds())));
    }
}
