package dev.berth.cli;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Colour only on a terminal, and never with NO_COLOR (any non-empty value) or --no-color. */
class ColourChoiceTest {

    static Environment world(Map<String, String> variables, boolean terminal) {
        return new Environment(variables, new ByteArrayInputStream(new byte[0]), Path.of("/work"), Path.of("/home/u"),
                terminal);
    }

    static boolean decorates(Environment environment, String... args) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        CommandLine commandLine = Main.commandLine(environment, sink, sink);
        commandLine.parseArgs(args);
        return environment.decorates(((BerthCommand) commandLine.getCommand()).global.noColor());
    }

    @Nested
    class OnATerminal {
        @Test
        void colours() {
            assertThat(decorates(world(Map.of(), true), "version")).isTrue();
        }

        @Test
        void doesNotWithTheFlagBeforeOrAfterTheVerb() {
            assertThat(decorates(world(Map.of(), true), "--no-color", "version")).isFalse();
            assertThat(decorates(world(Map.of(), true), "get", "pods", "--no-color")).isFalse();
        }

        @Test
        void doesNotWhenNoColorHasAnyValue() {
            assertThat(decorates(world(Map.of("NO_COLOR", "1"), true), "version")).isFalse();
            assertThat(decorates(world(Map.of("NO_COLOR", "false"), true), "version")).isFalse();
        }

        @Test
        void coloursWhenNoColorIsSetButEmpty() {
            assertThat(decorates(world(Map.of("NO_COLOR", ""), true), "version")).isTrue();
        }
    }

    @Nested
    class OffATerminal {
        @Test
        void neverColours() {
            assertThat(decorates(world(Map.of(), false), "version")).isFalse();
        }
    }
}
