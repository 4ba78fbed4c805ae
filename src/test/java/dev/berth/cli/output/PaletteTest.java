package dev.berth.cli.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PaletteTest {
    @ParameterizedTest(name = "{0} is painted {1}")
    @CsvSource({"Ready, 32", "Running, 32", "Completed, 32", "Pending, 33", "Terminating, 33",
            "NotReady, 31", "Unreachable, 31", "Error, 31", "CrashLoopBackOff, 31", "Stopped, 31"})
    void paintsStatusWordsByMeaning(String word, String code) {
        assertThat(Palette.ANSI.status(word)).isEqualTo("\u001B[" + code + "m" + word + "\u001B[0m");
    }

    @Test
    void plainChangesNothing() {
        assertThat(Palette.PLAIN.status("NotReady")).isEqualTo("NotReady");
        assertThat(Palette.PLAIN.green("+ start")).isEqualTo("+ start");
        assertThat(Palette.PLAIN.red("- remove")).isEqualTo("- remove");
    }

    @Test
    void choosesByWhetherColourIsWanted() {
        assertThat(Palette.of(true)).isSameAs(Palette.ANSI);
        assertThat(Palette.of(false)).isSameAs(Palette.PLAIN);
    }

    @Test
    void measuresTextAsATerminalShowsIt() {
        assertThat(Palette.width(Palette.ANSI.status("Ready,SchedulingDisabled"))).isEqualTo(24);
        assertThat(Palette.width("Ready")).isEqualTo(5);
        assertThat(Palette.width("")).isZero();
    }

    @Test
    void paintsNoEmptyText() {
        assertThat(Palette.ANSI.green("")).isEmpty();
        assertThat(Palette.ANSI.status("")).isEmpty();
    }
}
