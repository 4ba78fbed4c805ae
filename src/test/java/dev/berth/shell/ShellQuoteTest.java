package dev.berth.shell;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class ShellQuoteTest {

    @Nested
    class QuotingOneWord {
        @Test
        void wrapsAPlainWordInSingleQuotes() {
            assertThat(ShellQuote.quote("nginx")).isEqualTo("'nginx'");
        }

        @Test
        void closesReopensAndEscapesEmbeddedSingleQuotes() {
            assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
        }

        @Test
        void keepsTheEmptyWordAsAnArgument() {
            assertThat(ShellQuote.quote("")).isEqualTo("''");
        }

        @Test
        void leavesShellMetacharactersInert() {
            assertThat(ShellQuote.quote("$(rm -rf /); `id` & echo")).isEqualTo("'$(rm -rf /); `id` & echo'");
        }
    }

    @Nested
    class QuotingACommand {
        @Test
        void joinsQuotedWordsWithSpaces() {
            assertThat(ShellQuote.commandLine(List.of("docker", "ps", "--format", "{{json .}}")))
                    .isEqualTo("'docker' 'ps' '--format' '{{json .}}'");
        }

        @Test
        void refusesAnEmptyCommand() {
            assertThatThrownBy(() -> ShellQuote.commandLine(List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a remote command needs at least one word");
        }

        @Test
        void refusesNulBecauseNoShellCanPassIt() {
            assertThatThrownBy(() -> ShellQuote.commandLine(List.of("a\0b")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a command word cannot contain a NUL byte");
        }
    }

    @Nested
    class RoundTripThroughARealShell {
        @Property(tries = 150)
        void shReadsBackEveryWordUnchanged(@ForAll("hostileArgv") List<String> words) throws Exception {
            List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
            argv.addAll(words);

            byte[] printed = runLocally(ShellQuote.commandLine(argv));

            assertThat(printed).isEqualTo(nulTerminated(words));
        }

        @Provide
        Arbitrary<List<String>> hostileArgv() {
            Arbitrary<String> fragments = Arbitraries.of(
                    ";", "&", "&&", "|", "$(id)", "`id`", "'", "\"", "\\", "\n", "\t", " ", "-n", "--", "*", "?",
                    "~", "$HOME", "${x:-y}", "#", "!", "<", ">", "é", "日本", "🚢", "", "%s", "\r", "'\\''");
            Arbitrary<String> words = Arbitraries.oneOf(
                    fragments.list().ofMaxSize(6).map(parts -> String.join("", parts)),
                    Arbitraries.strings().withCharRange('\u0001', '\uD7FF').ofMaxLength(20));
            return words.list().ofMaxSize(6);
        }
    }

    public static byte[] nulTerminated(List<String> words) {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (String word : words) {
            expected.writeBytes(word.getBytes(StandardCharsets.UTF_8));
            expected.write(0);
        }
        return expected.toByteArray();
    }

    private static byte[] runLocally(String commandLine) throws IOException, InterruptedException {
        // the command line goes to sh on stdin as UTF-8, independent of the JVM's locale
        Process process = new ProcessBuilder("/bin/sh").redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(commandLine.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).isZero();
        return out;
    }
}
