package dev.berth.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {
    @ParameterizedTest(name = "{0} lasts {1} ms")
    @CsvSource({"500ms, 500", "10s, 10000", "2m, 120000", "1h30m, 5400000", "1m30s, 90000"})
    void readsUnits(String text, long millis) {
        assertThat(Durations.parse(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"10", "10 seconds", "-5s", "1d", "s", "", "9999999999s"})
    void refusesEverythingElse(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{1} ms is written {0}")
    @CsvSource({"0s, 0", "500ms, 500", "10s, 10000", "2m5s, 125000", "1m1ms, 60001", "1h30m, 5400000",
            "26h, 93600000"})
    void writesTheShortestFormItReadsBack(String text, long millis) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(Durations.parse(text)).contains(Duration.ofMillis(millis));
    }
}
