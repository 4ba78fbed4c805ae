package dev.berth.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** kubectl's -v=N: from 6 on, every remote command on stderr with its node, exit code and duration. */
class VerbosityOnFakeClusterTest {
    @TempDir
    Path directory;

    private FakeClusterCli fake;

    @BeforeEach
    void cluster() throws IOException {
        fake = new FakeClusterCli(directory);
    }

    private static List<String> traceLines(CliRunner.Result result) {
        return Arrays.stream(result.err().split("\n")).filter(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"))
                .toList();
    }

    @Test
    void levelSixShowsEveryRemoteCommandOfEachNodeAndLeavesStdoutAlone() {
        CliRunner.Result quiet = fake.berth("get", "nodes");
        CliRunner.Result traced = fake.berth("get", "nodes", "-v=6");

        assertThat(traced.exitCode()).isZero();
        assertThat(traced.out()).isEqualTo(quiet.out());
        assertThat(traceLines(traced)).hasSize(traced.err().split("\n").length)
                .anyMatch(line -> line.matches("\\S+ node-1: run sh -c .*docker info.* \\(exit 0, \\d+ ms\\)"))
                .anyMatch(line -> line.matches("\\S+ node-2: run sh -c .*docker info.* \\(exit 0, \\d+ ms\\)"));
    }

    @Test
    void theLevelMayComeAsItsOwnWordBeforeTheVerb() {
        CliRunner.Result traced = fake.berth("-v", "6", "get", "pods");

        assertThat(traced.exitCode()).as(traced.toString()).isZero();
        assertThat(traceLines(traced)).isNotEmpty();
    }

    @Test
    void belowSixNothingIsTraced() {
        assertThat(fake.berth("get", "nodes", "-v").err()).isEmpty();
        assertThat(fake.berth("get", "nodes", "-v=5").err()).isEmpty();
    }
}
