package dev.berth.cli.converge;

import dev.berth.cli.Environment;
import dev.berth.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A revision's change cause when its manifest gives none: the verb's command line, where and how left out. */
class ChangeCauseTest {

    private static String causeOf(String... args) {
        Environment environment = new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), Path.of("/tmp"),
                Path.of("/tmp"), false);
        CommandLine root = Main.commandLine(environment, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        CommandLine.ParseResult parsed = root.parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return ChangeCause.of(parsed.commandSpec());
    }

    @Test
    void isBerthWithTheVerbAndItsWords() {
        assertThat(causeOf("apply", "-f", "web.yaml", "--wait")).isEqualTo("berth apply -f web.yaml --wait");
        assertThat(causeOf("delete", "deployment", "web", "-n", "shop"))
                .isEqualTo("berth delete deployment web -n shop");
    }

    @Test
    void leavesOutTheGlobalOptionsWhereverTheyStandAndHoweverTheyAreSpelled() {
        assertThat(causeOf("--cluster", "prod.yaml", "apply", "--context=prod", "-f", "web.yaml", "-v", "-ojson",
                "--no-color")).isEqualTo("berth apply -f web.yaml");
        assertThat(causeOf("scale", "--output", "yaml", "deploy/web", "--replicas=3"))
                .isEqualTo("berth scale deploy/web --replicas=3");
    }

    @Test
    void quotesAWordThatAShellWouldSplit() {
        assertThat(causeOf("apply", "-f", "my app/web.yaml")).isEqualTo("berth apply -f 'my app/web.yaml'");
    }
}
