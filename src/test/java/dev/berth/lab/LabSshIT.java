package dev.berth.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class LabSshIT {

    @Test
    void everyNodeRunsDockerForTheNonRootUserBerthOverStrictlyCheckedSsh(Lab lab) {
        for (Lab.Node node : lab.nodes()) {
            ProcessResult result = lab.ssh(node, "id -un; id -u; docker info --format '{{.ServerVersion}}'");
            assertThat(result.succeeded()).as(node + ": " + result).isTrue();
            String[] lines = result.output().split("\n");
            assertThat(lines[0]).isEqualTo("berth");
            assertThat(lines[1]).isNotEqualTo("0");
            assertThat(lines[2]).isNotBlank();
        }
    }

    @Test
    void aKnownHostsFileWithoutTheNodesKeyIsRefused(Lab lab, @TempDir Path directory) throws Exception {
        Path empty = Files.createFile(directory.resolve("known_hosts"));
        ProcessResult result = lab.ssh(lab.node("node-1"), empty, "true");
        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.stderr()).contains("Host key verification failed");
    }

    @Test
    void aKnownHostsFileWithAnotherNodesKeyIsRefused(Lab lab, @TempDir Path directory) throws Exception {
        Lab.Node node1 = lab.node("node-1");
        Lab.Node node2 = lab.node("node-2");
        String node2Key = Files.readAllLines(lab.knownHosts()).stream()
                .filter(line -> line.startsWith(node2.address() + " ")).findFirst().orElseThrow();
        Path wrong = Files.writeString(directory.resolve("known_hosts"),
                node2Key.replace(node2.address(), node1.address()) + "\n");
        ProcessResult result = lab.ssh(node1, wrong, "true");
        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.stderr()).contains("HOST IDENTIFICATION HAS CHANGED");
    }
}
