package dev.berth.exec.move;

import dev.berth.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A copy's progress lines: at most one every two seconds, and a last one with time and rate. */
class MoveProgressTest {

    @Test
    void linesComeAtMostEveryTwoSecondsWithBytesAndRate() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));
        List<String> lines = new ArrayList<>();
        MoveProgress progress = new MoveProgress(lines::add, clock, "pvc: first copy a -> b", 0);

        progress.accept(1024 * 1024);
        clock.advance(Duration.ofSeconds(1));
        progress.accept(2 * 1024 * 1024);
        assertThat(lines).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        progress.accept(4 * 1024 * 1024);
        clock.advance(Duration.ofMillis(500));
        progress.accept(5 * 1024 * 1024);
        clock.advance(Duration.ofMillis(500));
        progress.done("3 files");

        assertThat(lines).containsExactly("pvc: first copy a -> b: 4.0 MiB (2.0 MiB/s)",
                "pvc: first copy a -> b: 5.0 MiB in 3.0s (1.7 MiB/s), 3 files");
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertThat(MoveProgress.size(512)).isEqualTo("512 B");
        assertThat(MoveProgress.size(1536)).isEqualTo("1.5 KiB");
        assertThat(MoveProgress.size(20L * 1024 * 1024)).isEqualTo("20.0 MiB");
        assertThat(MoveProgress.size(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GiB");
    }
}
