package dev.berth.model;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuantityTest {

    @Nested
    class Cpu {
        @ParameterizedTest(name = "{0} is {1} millicores")
        @CsvSource({"500m, 500", "0.5, 500", "2, 2000", "1.5, 1500", "100m, 100", "0.0001, 1", "1e3, 1000000"})
        void readsCoresAndMillicores(String text, long millis) {
            assertThat(Quantity.of(text).millis()).isEqualTo(millis);
        }
    }

    @Nested
    class Memory {
        @ParameterizedTest(name = "{0} is {1} bytes")
        @CsvSource({"512Mi, 536870912", "1Gi, 1073741824", "1G, 1000000000", "128974848, 128974848",
                "1e3, 1000", "129M, 129000000", "64Ki, 65536", "1.5Gi, 1610612736"})
        void readsBinaryAndDecimalSuffixes(String text, long bytes) {
            assertThat(Quantity.of(text).bytes()).isEqualTo(bytes);
        }
    }

    @ParameterizedTest(name = "{0} is not a quantity")
    @ValueSource(strings = {"512MB", "half", "", "1.2.3", "Mi", "5 Gi", "1e", "10mi", "1KiB"})
    void refusesWhatKubernetesRefuses(String text) {
        assertThat(Quantity.parse(text)).isEmpty();
    }

    @Test
    void printsAsWritten() {
        assertThat(Quantity.of("0.5")).hasToString("0.5");
    }
}
