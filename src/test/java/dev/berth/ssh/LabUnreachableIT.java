package dev.berth.ssh;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import dev.berth.lab.TestInventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.berth.ssh.LabHostKeysIT.assertStatuses;
import static org.assertj.core.api.Assertions.assertThat;

/** A lab node cut off from the network while berth asks the cluster. */
@LabTest
class LabUnreachableIT {

    @Test
    void reportsAPartitionedNodeWithinTheConnectTimeoutWhileTheOthersAnswer(Lab lab, @TempDir Path directory)
            throws Exception {
        Lab.Node node3 = lab.node("node-3");
        Path inventory = TestInventory.of(lab, lab.knownHosts()).connectTimeout("10s")
                .write(directory.resolve("cluster.yaml"));
        CliRunner.Result result;
        Duration took;
        try {
            CliRunner.Result partition = lab.lab("node", "partition", "node-3");
            assertThat(partition.exitCode()).as(partition.toString()).isZero();

            long start = System.nanoTime();
            result = lab.berth("--cluster", inventory.toString(), "get", "nodes");
            took = Duration.ofNanos(System.nanoTime() - start);
        } finally {
            CliRunner.Result heal = lab.lab("node", "heal", "node-3");
            assertThat(heal.exitCode()).as(heal.toString()).isZero();
        }

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertStatuses(result, "Ready", "Ready", "Unreachable");
        assertThat(result.err()).isEqualTo("warning: Unreachable: node-3 (" + node3.address()
                + ":22): no SSH answer within 10s (connect timeout)\n");
        assertThat(took).as("ended by the connect timeout, not by TCP giving up after minutes")
                .isLessThan(Duration.ofSeconds(90));

        CliRunner.Result healed = lab.berth("--cluster", inventory.toString(), "get", "nodes");
        assertThat(healed.exitCode()).as(healed.toString()).isZero();
        assertStatuses(healed, "Ready", "Ready", "Ready");
    }
}
