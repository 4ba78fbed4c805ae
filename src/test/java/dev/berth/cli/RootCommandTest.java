package dev.berth.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RootCommandTest {
    private final CliRunner berth = new CliRunner();

    @Nested
    class Version {
        @Test
        void printsVersionAndCommit() {
            CliRunner.Result result = berth.run("version");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).matches("berth \\S+ \\(commit \\S+.*\\)\\n");
        }

        @Test
        void printsJsonWhenAsked() {
            CliRunner.Result result = berth.run("version", "-o", "json");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("\"version\"").contains("\"commit\"");
        }

        @Test
        void acceptsGlobalOptionBeforeTheVerb() {
            CliRunner.Result result = berth.run("-o", "yaml", "version");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).startsWith("version: ");
        }
    }

    @Nested
    class Errors {
        @Test
        void unknownOutputFormatListsTheAllowedOnes() {
            CliRunner.Result result = berth.run("version", "-o", "xml");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("error: Invalid value for option '--output': unable to match a printer "
                    + "suitable for the output format \"xml\", allowed formats are: custom-columns,json,jsonpath,name,wide,yaml\n"
                    + "See 'berth version --help' for usage.\n");
            assertThat(result.out()).isEmpty();
        }

        @Test
        void unknownVerbIsAUsageError() {
            CliRunner.Result result = berth.run("frobnicate");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("""
                    error: unknown command "frobnicate" for "berth"
                    See 'berth --help' for the commands.
                    """);
        }

        @Test
        void aMistypedVerbGetsKubectlsSuggestions() {
            CliRunner.Result result = berth.run("gte", "pods");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("""
                    error: unknown command "gte" for "berth"

                    Did you mean this?
                    \tget

                    See 'berth --help' for the commands.
                    """);
        }

        @Test
        void aMistypedVerbOfAGroupIsSuggestedFromTheGroup() {
            CliRunner.Result result = berth.run("rollout", "stauts", "deployment/web");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: unknown command \"stauts\" for \"berth rollout\"\n\n"
                    + "Did you mean this?\n\tstatus\n");
        }

        @Test
        void aMistypedResourceTypeIsSuggested() {
            CliRunner.Result result = berth.run("get", "podz", "--cluster", "/nonexistent/cluster.yaml");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: unknown resource type \"podz\" (did you mean \"pods\"?)");
        }

        @Test
        void bareBerthPrintsUsage() {
            CliRunner.Result result = berth.run();
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("Usage: berth").contains("Exit codes:");
        }
    }

    @Nested
    class GlobalOptionsReachTheVerbs {
        @Test
        void clusterBeforeOrAfterTheVerbNamesTheSameFile() {
            String missing = "/nonexistent/berth-cluster.yaml";
            String expected = "error: cluster inventory " + missing + " (from --cluster) does not exist\n";

            assertThat(berth.run("--cluster", missing, "cordon", "node-1").err()).isEqualTo(expected);
            assertThat(berth.run("cordon", "node-1", "--cluster", missing).err()).isEqualTo(expected);
        }

        @Test
        void verboseBeforeOrAfterTheVerbPrintsNoStackTraceForBadInput() {
            CliRunner.Result quiet = berth.run("get", "nodes", "--cluster", "/nonexistent/cluster.yaml");
            CliRunner.Result after = berth.run("get", "nodes", "--cluster", "/nonexistent/cluster.yaml", "-v");
            CliRunner.Result before = berth.run("-v=8", "get", "nodes", "--cluster", "/nonexistent/cluster.yaml");

            assertThat(quiet.exitCode()).isEqualTo(2);
            assertThat(after.exitCode()).isEqualTo(2);
            assertThat(before.exitCode()).isEqualTo(2);
            assertThat(after.err()).isEqualTo(quiet.err()).doesNotContain("\tat dev.berth.");
            assertThat(before.err()).isEqualTo(quiet.err());
        }
    }

    /** kubectl's habits: global options before or after the verb, with any value, even one spelled like a verb. */
    @Nested
    class GlobalOptionsWithAnyValue {
        @TempDir
        Path home;

        private CliRunner inHome;
        private String missingInventory;

        @BeforeEach
        void contextNamedLikeAVerb() {
            inHome = new CliRunner().home(home);
            missingInventory = home.resolve("lab.yaml").toString();
            assertThat(inHome.run("config", "set-context", "lab", "--cluster", missingInventory).exitCode()).isZero();
            assertThat(inHome.run("config", "set-context", "get", "--cluster", missingInventory).exitCode()).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"--context lab get nodes", "--context=lab get nodes", "get nodes --context lab",
                "get --context=lab nodes", "-n ux-a --context lab get pods", "--context lab -n ux-a get pods",
                "get pods -n ux-a --context lab", "--context lab get nodes -n x", "-v 6 --context lab get nodes",
                "--context lab -v=6 get nodes", "--context lab get nodes -v 6", "-v --context lab get nodes",
                "--context lab --v=8 get pods", "--context lab get pods -v"})
        void reachTheVerb(String line) {
            CliRunner.Result result = inHome.run(line.split(" "));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).as(line)
                    .isEqualTo("error: cluster inventory " + missingInventory + " (from context \"lab\") does not exist\n");
        }

        @Test
        void aContextNamedLikeTheVerbItComesBefore() {
            CliRunner.Result result = inHome.run("--context", "get", "get", "nodes");

            assertThat(result.err()).isEqualTo("error: cluster inventory " + missingInventory
                    + " (from context \"get\") does not exist\n");
        }

        @Test
        void verbosityThatIsNoNumberIsLeftForTheVerb() {
            CliRunner.Result result = inHome.run("--context", "lab", "get", "-v", "pods");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("does not exist");
        }
    }
}
