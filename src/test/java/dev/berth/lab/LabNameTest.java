package dev.berth.lab;

import dev.berth.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabNameTest {

    @Test
    void derivesEveryDockerNameFromTheLabsName() {
        LabName lab = new LabName("it");
        assertThat(lab.network()).isEqualTo("berth-it");
        assertThat(lab.nodeContainer(3)).isEqualTo("berth-it-node-3");
        assertThat(lab.registryContainer()).isEqualTo("berth-it-registry");
        assertThat(lab.registryVolume()).isEqualTo("berth-it-registry-data");
        assertThat(lab.labelFilter()).isEqualTo("label=dev.berth.lab=it");
        assertThat(lab.context()).isEqualTo("it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Lab", "1lab", "lab_1", "a-very-long-lab-name-indeed", "lab;rm"})
    void refusesNamesDockerOrAShellCouldMisread(String name) {
        assertThatThrownBy(() -> new LabName(name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("invalid lab name \"" + name
                        + "\": use 1-20 lower-case letters, digits or '-', starting with a letter");
    }
}
