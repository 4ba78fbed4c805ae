package dev.berth.state;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LockDurationsTest {
    @Test
    void readsLikeTheDurationsUsersWrite() {
        assertThat(LockDurations.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(LockDurations.format(Duration.ofSeconds(60))).isEqualTo("1m");
        assertThat(LockDurations.format(Duration.ofSeconds(125))).isEqualTo("2m5s");
        assertThat(LockDurations.format(Duration.ofSeconds(5400))).isEqualTo("1h30m");
        assertThat(LockDurations.format(Duration.ofSeconds(3601))).isEqualTo("1h1s");
    }

    @Test
    void showsAnExpiredLeaseAsZero() {
        assertThat(LockDurations.format(Duration.ofSeconds(-3))).isEqualTo("0s");
        assertThat(LockDurations.format(Duration.ZERO)).isEqualTo("0s");
    }
}
