package dev.berth.ssh;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import dev.berth.lab.TestInventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Host keys of the lab's real sshd servers, checked by {@code berth get nodes} against known_hosts files. */
@LabTest
class LabHostKeysIT {

    @Test
    void refusesANodeMissingFromKnownHostsAndAsksTheOthers(Lab lab, @TempDir Path directory) throws Exception {
        Lab.Node node2 = lab.node("node-2");
        List<String> lines = new ArrayList<>(lab.hostKeyLines(lab.node("node-1"), lab.node("node-1").address()));
        lines.addAll(lab.hostKeyLines(lab.node("node-3"), lab.node("node-3").address()));
        Path knownHosts = Files.write(directory.resolve("known_hosts"), lines);
        Path inventory = TestInventory.of(lab, knownHosts).write(directory.resolve("cluster.yaml"));

        CliRunner.Result result = lab.berth("--cluster", inventory.toString(), "get", "nodes");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertStatuses(result, "Ready", "Unreachable", "Ready");
        assertThat(result.err()).isEqualTo("warning: Unreachable: node-2 (" + node2.address() + ":22): host key is not in "
                + knownHosts + "; add it with ssh-keyscan, or set hostKeyPolicy: accept-new\n");
    }

    @Test
    void refusesANodeWhoseAddressKnowsAnotherNodesKeys(Lab lab, @TempDir Path directory) throws Exception {
        Lab.Node node2 = lab.node("node-2");
        List<String> lines = new ArrayList<>(lab.hostKeyLines(lab.node("node-1"), lab.node("node-1").address()));
        lines.addAll(lab.hostKeyLines(lab.node("node-3"), node2.address()));
        lines.addAll(lab.hostKeyLines(lab.node("node-3"), lab.node("node-3").address()));
        Path knownHosts = Files.write(directory.resolve("known_hosts"), lines);
        Path inventory = TestInventory.of(lab, knownHosts).write(directory.resolve("cluster.yaml"));

        CliRunner.Result result = lab.berth("--cluster", inventory.toString(), "get", "nodes");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertStatuses(result, "Ready", "Unreachable", "Ready");
        assertThat(result.err()).matches(Pattern.quote("warning: Unreachable: node-2 (" + node2.address()
                + ":22): host key has changed (" + knownHosts + " line ") + "[456]" + Pattern.quote(" holds another);"
                + " if the server was reinstalled, remove the old key with ssh-keygen -R '" + node2.address() + "'\n"));
    }

    @Test
    void recordsEveryNodesKeyUnderAcceptNewAndTrustsThemStrictlyAfterwards(Lab lab, @TempDir Path directory)
            throws Exception {
        Path knownHosts = directory.resolve("known_hosts");
        Path acceptNew = TestInventory.of(lab, knownHosts).hostKeyPolicy("accept-new")
                .write(directory.resolve("accept-new.yaml"));

        CliRunner.Result first = lab.berth("--cluster", acceptNew.toString(), "get", "nodes");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertStatuses(first, "Ready", "Ready", "Ready");
        List<String> recorded = Files.readAllLines(knownHosts);
        assertThat(recorded).hasSize(3);
        for (Lab.Node node : lab.nodes()) {
            assertThat(recorded).filteredOn(line -> line.startsWith(node.address() + " ")).singleElement()
                    .isIn(lab.hostKeyLines(node, node.address()));
        }

        Path strict = TestInventory.of(lab, knownHosts).write(directory.resolve("strict.yaml"));
        CliRunner.Result second = lab.berth("--cluster", strict.toString(), "get", "nodes");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertStatuses(second, "Ready", "Ready", "Ready");
        assertThat(Files.readAllLines(knownHosts)).isEqualTo(recorded);
    }

    /** The STATUS column of node-1, node-2 and node-3, in that order. */
    static void assertStatuses(CliRunner.Result result, String node1, String node2, String node3) {
        String[] rows = result.out().split("\n");
        assertThat(rows).as(result.toString()).hasSize(4);
        assertThat(rows[0]).startsWith("NAME ");
        assertThat(rows[1]).as(result.toString()).matches("node-1 +" + node1 + " .*");
        assertThat(rows[2]).as(result.toString()).matches("node-2 +" + node2 + " .*");
        assertThat(rows[3]).as(result.toString()).matches("node-3 +" + node3 + " .*");
    }
}
