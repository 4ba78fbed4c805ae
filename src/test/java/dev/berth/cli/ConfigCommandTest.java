package dev.berth.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigCommandTest {
    @TempDir
    Path home;

    private CliRunner berth;
    private Path prod;
    private Path configFile;

    @BeforeEach
    void world() throws IOException {
        Path work = Files.createDirectories(home.resolve("work"));
        prod = Files.writeString(work.resolve("prod.yaml"), "kind: Cluster\n");
        configFile = home.resolve(".config/berth/config.yaml");
        berth = new CliRunner().home(home).workingDirectory(work);
    }

    private void twoContexts() {
        assertThat(berth.run("config", "set-context", "prod", "--cluster", "prod.yaml", "--namespace", "web")
                .exitCode()).isZero();
        assertThat(berth.run("config", "set-context", "lab", "--cluster", "~/lab.yaml").exitCode()).isZero();
        assertThat(berth.run("config", "use-context", "prod").exitCode()).isZero();
    }

    @Nested
    class SetContext {
        @Test
        void createsAContextWithTheAbsolutePathOfTheInventory() throws IOException {
            CliRunner.Result result = berth.run("config", "set-context", "prod", "--cluster", "prod.yaml");
            assertThat(result.out()).isEqualTo("Context \"prod\" created.\n");
            assertThat(result.err()).isEmpty();
            assertThat(Files.readString(configFile)).isEqualTo("""
                    apiVersion: berth.dev/v1
                    kind: Config
                    contexts:
                    - name: prod
                      cluster: %s
                    """.formatted(prod));
        }

        @Test
        void changesOnlyTheFieldsGiven() {
            twoContexts();
            CliRunner.Result result = berth.run("config", "set-context", "prod", "-n", "api");
            assertThat(result.out()).isEqualTo("Context \"prod\" modified.\n");
            assertThat(berth.run("config", "get-contexts", "prod").out()).isEqualTo("""
                    CURRENT   NAME   CLUSTER%s   NAMESPACE
                    *         prod   %s   api
                    """.formatted(" ".repeat(prod.toString().length() - "CLUSTER".length()), prod));
        }

        @Test
        void anEmptyNamespaceRemovesIt() {
            twoContexts();
            berth.run("config", "set-context", "prod", "--namespace=");
            assertThat(berth.run("config", "get-contexts", "prod", "-o", "name").out()).isEqualTo("context/prod\n");
            assertThat(berth.run("config", "view").out()).doesNotContain("namespace: web");
        }

        @Test
        void aNewContextNeedsAnInventory() {
            CliRunner.Result result = berth.run("config", "set-context", "prod");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("error: context \"prod\" does not exist yet: give its inventory with "
                    + "berth config set-context prod --cluster FILE\n");
        }

        @Test
        void warnsWhenTheInventoryDoesNotExistYet() {
            CliRunner.Result result = berth.run("config", "set-context", "lab", "--cluster", "~/lab.yaml");
            assertThat(result.exitCode()).isZero();
            assertThat(result.err()).isEqualTo("warning: " + home.resolve("lab.yaml") + " does not exist yet\n");
        }

        @Test
        void rejectsANameWithSpaces() {
            CliRunner.Result result = berth.run("config", "set-context", "my prod", "--cluster", "prod.yaml");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: invalid context name \"my prod\"");
        }

        @Test
        void followsXdgConfigHome() {
            Path xdg = home.resolve("xdg");
            berth.env("XDG_CONFIG_HOME", xdg.toString()).run("config", "set-context", "prod", "--cluster", "prod.yaml");
            assertThat(xdg.resolve("berth/config.yaml")).isRegularFile();
            assertThat(configFile).doesNotExist();
        }
    }

    @Nested
    class UseAndCurrentContext {
        @Test
        void switchesTheCurrentContext() {
            twoContexts();
            CliRunner.Result result = berth.run("config", "use-context", "lab");
            assertThat(result.out()).isEqualTo("Switched to context \"lab\".\n");
            assertThat(berth.run("config", "current-context").out()).isEqualTo("lab\n");
        }

        @Test
        void anUnknownContextIsAUsageErrorListingTheKnownOnes() {
            twoContexts();
            CliRunner.Result result = berth.run("config", "use-context", "staging");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("error: unknown context \"staging\": known contexts are prod, lab\n");
            assertThat(berth.run("config", "current-context").out()).isEqualTo("prod\n");
        }

        @Test
        void withoutACurrentContextCurrentContextFails() {
            CliRunner.Result result = berth.run("config", "current-context");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo(
                    "error: no current context: choose one with berth config use-context NAME\n");
        }
    }

    @Nested
    class GetContexts {
        @Test
        void printsATableMarkingTheCurrentContext() {
            twoContexts();
            String lab = home.resolve("lab.yaml").toString();
            int width = Math.max(prod.toString().length(), lab.length());
            assertThat(berth.run("config", "get-contexts").out()).isEqualTo(
                    "CURRENT   NAME   " + pad("CLUSTER", width) + "   NAMESPACE\n"
                            + "*         prod   " + pad(prod.toString(), width) + "   web\n"
                            + "          lab    " + lab + "\n");
        }

        @Test
        void printsJsonForPrograms() {
            twoContexts();
            assertThat(berth.run("config", "get-contexts", "prod", "-o", "json").out()).isEqualTo("""
                    {
                      "apiVersion" : "v1",
                      "kind" : "List",
                      "items" : [ {
                        "name" : "prod",
                        "cluster" : "%s",
                        "namespace" : "web",
                        "current" : true
                      } ]
                    }
                    """.formatted(prod));
        }

        @Test
        void withNoContextsSaysHowToCreateOne() {
            CliRunner.Result result = berth.run("config", "get-contexts");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).isEqualTo(
                    "No contexts found. Create one with: berth config set-context NAME --cluster FILE\n");
        }

        @Test
        void aMalformedConfigFileNamesFileAndLine() throws IOException {
            Files.createDirectories(configFile.getParent());
            Files.writeString(configFile, "contexts:\n- name: prod\n  cluster: /x\n  colour: red\n");
            CliRunner.Result result = berth.run("config", "get-contexts");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("error: " + configFile + ":4: unknown field \"colour\" (known: "
                    + "cluster, name, namespace) (fix or remove the file; berth config set-context rewrites it)\n");
        }

        private static String pad(String text, int width) {
            return text + " ".repeat(width - text.length());
        }
    }

    @Nested
    class DeleteContext {
        @Test
        void deletesAContextAndWarnsWhenItWasCurrent() {
            twoContexts();
            CliRunner.Result result = berth.run("config", "delete-context", "prod");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("Deleted context \"prod\" from " + configFile + ".\n");
            assertThat(result.err()).isEqualTo(
                    "warning: that was the current context; choose another with berth config use-context NAME\n");
            assertThat(berth.run("config", "get-contexts", "-o", "name").out()).isEqualTo("context/lab\n");
            assertThat(prod).exists();
        }

        @Test
        void anUnknownContextIsAUsageError() {
            CliRunner.Result result = berth.run("config", "delete-context", "prod");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("error: unknown context \"prod\": no contexts are defined; "
                    + "create one with berth config set-context prod --cluster FILE\n");
        }
    }

    @Nested
    class View {
        @Test
        void printsTheFileAsYaml() {
            twoContexts();
            assertThat(berth.run("config", "view").out()).isEqualTo("""
                    apiVersion: berth.dev/v1
                    kind: Config
                    currentContext: prod
                    contexts:
                    - name: prod
                      cluster: %s
                      namespace: web
                    - name: lab
                      cluster: %s
                    """.formatted(prod, home.resolve("lab.yaml")));
        }

        @Test
        void printsJsonWhenAsked() {
            assertThat(berth.run("config", "view", "-o", "json").out()).isEqualTo("""
                    {
                      "apiVersion" : "berth.dev/v1",
                      "kind" : "Config",
                      "contexts" : [ ]
                    }
                    """);
        }

        @Test
        void refusesFormatsThatDoNotFitAFile() {
            CliRunner.Result result = berth.run("config", "view", "-o", "wide");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("error: berth config view prints yaml (the default) or json, not wide\n");
        }
    }

    @Test
    void bareConfigPrintsItsUsage() {
        CliRunner.Result result = berth.run("config");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: berth config").contains("set-context").contains("use-context");
    }
}
