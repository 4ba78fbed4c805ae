package dev.berth.lab;

import dev.berth.cli.CliRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class LabFaultsIT {

    @Test
    void aPartitionedNodeTimesOutWhileTheOthersAnswerUntilItIsHealed(Lab lab) {
        Lab.Node node1 = lab.node("node-1");
        Lab.Node node3 = lab.node("node-3");
        try {
            CliRunner.Result partition = lab.lab("node", "partition", "node-3");
            assertThat(partition.out()).isEqualTo("node-3 partitioned\n");
            assertThat(lab.lab("status").out()).containsPattern("node-3 +Partitioned ");

            ProcessResult cutOff = lab.ssh(node3, Duration.ofSeconds(3), "true");
            assertThat(cutOff.exitCode()).isEqualTo(255);
            assertThat(cutOff.stderr()).contains("timed out");
            assertThat(lab.ssh(node1, "true").succeeded()).isTrue();
            ProcessResult fromNode1 = lab.ssh(node1, "curl -sS -m 2 http://" + node3.address() + ":22/");
            assertThat(fromNode1.succeeded()).isFalse();
        } finally {
            assertThat(lab.lab("node", "heal", "3").out()).isEqualTo("node-3 healed\n");
        }
        ProcessResult healed = lab.ssh(node3, "hostname");
        assertThat(healed.output()).as(healed.toString()).isEqualTo("node-3");
    }

    @Test
    void aStoppedNodeComesBackWithTheSameAddressAndHostKey(Lab lab) throws Exception {
        Lab.Node before = lab.node("node-2");
        List<String> knownHosts = Files.readAllLines(lab.knownHosts());
        try {
            assertThat(lab.lab("node", "stop", "node-2").out()).isEqualTo("node-2 stopped\n");
            assertThat(lab.lab("status").out()).containsPattern("node-2 +Stopped +" + before.address() + " ");
            assertThat(lab.ssh(before, Duration.ofSeconds(3), "true").succeeded()).isFalse();
        } finally {
            CliRunner.Result start = lab.lab("node", "start", "node-2");
            assertThat(start.exitCode()).as(start.toString()).isZero();
        }
        assertThat(lab.node("node-2")).isEqualTo(before);
        ProcessResult back = lab.ssh(before, "hostname");
        assertThat(back.output()).as("known_hosts still matches: " + back).isEqualTo("node-2");
        assertThat(Files.readAllLines(lab.knownHosts())).isEqualTo(knownHosts);
    }

    @Test
    void aKilledNodeStartsAgain(Lab lab) {
        try {
            assertThat(lab.lab("node", "kill", "node-3").out()).isEqualTo("node-3 killed\n");
            assertThat(lab.lab("status").out()).containsPattern("node-3 +Stopped ");
        } finally {
            assertThat(lab.lab("node", "start", "node-3").exitCode()).isZero();
        }
        assertThat(lab.ssh(lab.node("node-3"), "docker info --format '{{.ServerVersion}}'").succeeded()).isTrue();
    }
}
