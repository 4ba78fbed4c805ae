package dev.berth.cli.lab;

import dev.berth.cli.CliRunner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab verbs' usage errors: all caught before Docker is asked anything. */
class LabCommandTest {
    private final CliRunner berth = new CliRunner();

    @Test
    void aNodeCountOutOfRangeIsAUsageError() {
        CliRunner.Result result = berth.run("lab", "up", "--nodes", "0");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: --nodes must be between 1 and 50, got 0\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anInvalidLabNameIsAUsageError() {
        CliRunner.Result result = berth.run("lab", "status", "--name", "My Lab");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: invalid lab name \"My Lab\": use 1-20 lower-case letters,"
                + " digits or '-', starting with a letter\n");
    }

    @Test
    void aFaultNeedsANode() {
        CliRunner.Result result = berth.run("lab", "node", "partition");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Missing required parameter: 'NODE'");
    }

    @Test
    void documentsItsExitCodes() {
        CliRunner.Result result = berth.run("lab", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("up", "down", "status", "node")
                .contains(" 3   no Docker engine answers, or the lab did not come up");
    }
}
