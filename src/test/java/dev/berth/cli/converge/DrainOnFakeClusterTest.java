package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code berth drain} as a person runs it, against a cluster kept in memory (two nodes; {@link FakeClusterCli}). */
class DrainOnFakeClusterTest {
    @TempDir
    Path directory;

    private FakeClusterCli fake;

    @BeforeEach
    void helloOnBothNodes() throws IOException {
        fake = new FakeClusterCli(directory);
        CliRunner.Result applied = fake.berth("apply", "-f", "examples/hello/");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
    }

    @Test
    void startsTheReplacementWaitsUntilItIsReadyThenRemovesTheDrainedReplica() {
        CliRunner.Result drained = fake.berth("drain", "node-2");

        assertThat(drained.exitCode()).as(drained.toString()).isZero();
        String err = drained.err();
        assertThat(drained.out()).isEqualTo("node/node-2 cordoned\nnode/node-2 drained\n");
        assertThat(err).containsSubsequence("node-1: start container default_hello-",
                "waiting for replacements to be available: node-2 still runs default/hello-2bbc5fece9-stl2j",
                "node-2: remove container default_hello-2bbc5fece9-stl2j_hello (node drained)");
        CliRunner.Result pods = fake.berth("get", "pods", "-o", "wide");
        assertThat(pods.out()).doesNotContain("node-2");
        assertThat(pods.out().lines().filter(line -> line.contains("node-1"))).hasSize(2);
    }

    @Test
    void aDryRunShowsTheReplacementAndTheRemovalAndChangesNothing() {
        CliRunner.Result dry = fake.berth("drain", "node-2", "--dry-run");

        assertThat(dry.out()).endsWith("node/node-2 cordoned (dry run)\nnode/node-2 drained (dry run)\n");
        assertThat(dry.out() + dry.err()).contains("node-1", "start container default_hello-")
                .contains("remove container default_hello-2bbc5fece9-stl2j_hello (node drained)");
        CliRunner.Result pods = fake.berth("get", "pods", "-o", "wide");
        assertThat(pods.out().lines().filter(line -> line.contains("node-2"))).hasSize(1);
    }

    @Test
    void aReplicaWithNowhereToGoStaysAndTheDrainExitsThreeSayingWhy() {
        assertThat(fake.berth("cordon", "node-1").exitCode()).isZero();

        CliRunner.Result drained = fake.berth("drain", "node-2");

        assertThat(drained.exitCode()).as(drained.toString()).isEqualTo(3);
        assertThat(drained.err()).contains("default/hello has a Pending replica", "cordoned")
                .doesNotContain("remove container");
        CliRunner.Result pods = fake.berth("get", "pods", "-o", "wide");
        assertThat(pods.out().lines().filter(line -> line.contains("Running") && line.contains("node-2"))).hasSize(1);
    }
}
