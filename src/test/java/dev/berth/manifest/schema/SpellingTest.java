package dev.berth.manifest.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpellingTest {
    private final List<String> fields = List.of("image", "imagePullPolicy", "ports", "volumeMounts", "env");

    @Test
    void suggestsTheCloseName() {
        assertThat(Spelling.closest("imagee", fields)).isEqualTo("image");
        assertThat(Spelling.closest("volumemounts", fields)).isEqualTo("volumeMounts");
        assertThat(Spelling.closest("port", fields)).isEqualTo("ports");
    }

    @Test
    void suggestsNothingForAFarName() {
        assertThat(Spelling.closest("affinity", fields)).isNull();
    }
}
