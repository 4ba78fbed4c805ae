package dev.berth.cli.observe;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class HumanizeTest {

    @Test
    void agesAreShortWhileYoungAndCoarseWhenOld() {
        assertThat(Humanize.age(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Humanize.age(Duration.ofSeconds(119))).isEqualTo("119s");
        assertThat(Humanize.age(Duration.ofSeconds(330))).isEqualTo("5m30s");
        assertThat(Humanize.age(Duration.ofMinutes(35))).isEqualTo("35m");
        assertThat(Humanize.age(Duration.ofMinutes(200))).isEqualTo("3h20m");
        assertThat(Humanize.age(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(Humanize.age(Duration.ofHours(75))).isEqualTo("3d3h");
        assertThat(Humanize.age(Duration.ofDays(40))).isEqualTo("40d");
        assertThat(Humanize.age(Duration.ofDays(800))).isEqualTo("2y");
        assertThat(Humanize.age(Duration.ofSeconds(-3))).as("clock skew never shows a negative age").isEqualTo("0s");
    }

    @Test
    void cpuAsKubernetesWritesIt() {
        assertThat(Humanize.cpu(250)).isEqualTo("250m");
        assertThat(Humanize.cpu(2000)).isEqualTo("2");
        assertThat(Humanize.cpu(0)).isEqualTo("0");
    }

    @Test
    void memoryInBinaryUnits() {
        assertThat(Humanize.memory(0)).isEqualTo("0");
        assertThat(Humanize.memory(512)).isEqualTo("512");
        assertThat(Humanize.memory(512L << 20)).isEqualTo("512Mi");
        assertThat(Humanize.memory(25276502016L)).isEqualTo("23.5Gi");
        assertThat(Humanize.memory(3L << 30)).isEqualTo("3Gi");
    }

    @Test
    void shareShowsPercentOnlyWhenTheWholeIsKnown() {
        assertThat(Humanize.share("500m", "2", 500, 2000)).isEqualTo("500m/2 (25%)");
        assertThat(Humanize.share("0", "0", 0, 0)).isEqualTo("0/?");
    }
}
