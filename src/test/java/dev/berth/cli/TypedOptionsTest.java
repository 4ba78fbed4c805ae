package dev.berth.cli;

import dev.berth.cli.output.OutputFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Durations and {@code -o} reach the verbs as typed values, read once by picocli; bad values are usage errors. */
class TypedOptionsTest {
    private final CliRunner berth = new CliRunner();

    static ParseResult parse(String... args) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        Environment environment = new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), Path.of("/"),
                Path.of("/"), false);
        return Main.commandLine(environment, sink, sink).parseArgs(args);
    }

    static <T> T option(ParseResult result, String name) {
        ParseResult verb = result;
        while (verb.hasSubcommand()) {
            verb = verb.subcommand();
        }
        return verb.matchedOptionValue(name, null);
    }

    @Nested
    class Durations {
        @ParameterizedTest(name = "--timeout {0} is {1} ms")
        @CsvSource({"500ms, 500", "10s, 10000", "2m, 120000", "1h30m, 5400000", "0, 0", "0s, 0"})
        void readTheWayManifestsWriteThem(String text, long millis) {
            Duration timeout = option(parse("apply", "-f", "app.yaml", "--timeout", text), "--timeout");
            assertThat(timeout).isEqualTo(Duration.ofMillis(millis));
        }

        @Test
        void reachEveryVerbThatTakesOne() {
            assertThat(this.<Duration>value("cordon", "node-1", "--lock-wait", "90s")).hasSeconds(90);
            assertThat(this.<Duration>value("reconcile", "--watch", "--interval", "30s")).hasSeconds(30);
            assertThat(this.<Duration>value("drain", "node-1", "--timeout", "1h")).hasHours(1);
        }

        private <T> T value(String... args) {
            return option(parse(args), args[args.length - 2]);
        }

        @ParameterizedTest(name = "--lock-wait {0} is refused")
        @ValueSource(strings = {"5", "PT5M", "1d", "-5s", "soon"})
        void refuseAnythingElseAsAUsageError(String text) {
            CliRunner.Result result = berth.run("apply", "-f", "app.yaml", "--lock-wait", text);

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: Invalid value for option '--lock-wait': not a duration: \""
                    + text + "\" (use e.g. 500ms, 30s, 2m, 1h30m)\n");
            assertThat(result.out()).isEmpty();
        }

        @Test
        void refuseAReconcileIntervalOfNothing() {
            CliRunner.Result result = berth.run("reconcile", "--watch", "--interval", "0s");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("--interval must be longer than 0s");
        }
    }

    @Nested
    class OutputFormats {
        @Test
        void areTypedWithATableWhenNoneIsGiven() {
            assertThat(((BerthCommand) commandOf("version").getCommand()).global.outputFormat()).isEqualTo(OutputFormat.TABLE);
            assertThat(((BerthCommand) commandOf("version", "-o", "YAML").getCommand()).global.outputFormat())
                    .isEqualTo(OutputFormat.YAML);
            assertThat(((BerthCommand) commandOf("-o", "name", "get", "pods").getCommand()).global.outputFormat())
                    .isEqualTo(OutputFormat.NAME);
        }

        private CommandLine commandOf(String... args) {
            PrintWriter sink = new PrintWriter(new StringWriter());
            CommandLine commandLine = Main.commandLine(new Environment(Map.of(), new ByteArrayInputStream(new byte[0]),
                    Path.of("/"), Path.of("/"), false), sink, sink);
            commandLine.parseArgs(args);
            return commandLine;
        }

        @ParameterizedTest(name = "-o {0} is refused")
        @ValueSource(strings = {"xml", "table", "xml={.items}", ""})
        void refuseAnUnknownFormatListingTheAllowedOnes(String format) {
            CliRunner.Result result = berth.run("get", "pods", "-o", format);

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: Invalid value for option '--output': unable to match a "
                    + "printer suitable for the output format \"" + format + "\", allowed formats are: "
                    + "custom-columns,json,jsonpath,name,wide,yaml\n");
            assertThat(result.out()).isEmpty();
        }
    }
}
