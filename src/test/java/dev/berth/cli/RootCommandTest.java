package dev.berth.cli;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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
                    + "suitable for the output format \"xml\", allowed formats are: json,name,wide,yaml\n"
                    + "See 'berth version --help' for usage.\n");
            assertThat(result.out()).isEmpty();
        }

        @Test
        void unknownVerbIsAUsageError() {
            CliRunner.Result result = berth.run("frobnicate");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: Unmatched argument").contains("See 'berth --help'");
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
        void verboseAfterTheVerbPrintsTheStackTraceOfAnError() {
            CliRunner.Result quiet = berth.run("get", "nodes", "--cluster", "/nonexistent/cluster.yaml");
            CliRunner.Result verbose = berth.run("get", "nodes", "--cluster", "/nonexistent/cluster.yaml", "-v");

            assertThat(quiet.exitCode()).isEqualTo(2);
            assertThat(quiet.err()).doesNotContain("\tat dev.berth.");
            assertThat(verbose.exitCode()).isEqualTo(2);
            assertThat(verbose.err()).startsWith(quiet.err()).contains("\tat dev.berth.");
        }
    }
}
