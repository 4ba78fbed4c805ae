package dev.berth.cli.converge;

import dev.berth.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code volume move --limit-rate}: bytes per second, 1024-based suffixes, as curl's option. */
class VolumeMoveRateTest {

    @Test
    void readsBytesAndSuffixes() {
        assertThat(VolumeMoveCommand.rate(null)).isZero();
        assertThat(VolumeMoveCommand.rate("512")).isEqualTo(512);
        assertThat(VolumeMoveCommand.rate("512k")).isEqualTo(512 * 1024);
        assertThat(VolumeMoveCommand.rate("20M")).isEqualTo(20L * 1024 * 1024);
        assertThat(VolumeMoveCommand.rate("1G")).isEqualTo(1024L * 1024 * 1024);
    }

    @Test
    void refusesWhatIsNoRate() {
        for (String bad : new String[] {"0", "-5M", "fast", "1.5M", "10MB", ""}) {
            assertThatThrownBy(() -> VolumeMoveCommand.rate(bad)).as(bad).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("--limit-rate");
        }
    }
}
