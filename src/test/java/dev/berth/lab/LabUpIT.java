package dev.berth.lab;

import dev.berth.cli.CliRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class LabUpIT {

    @Test
    void upAgainReusesTheRunningLabAndReportsEveryNodeReady(Lab lab) {
        CliRunner.Result up = lab.lab("up", "--nodes", String.valueOf(LabExtension.NODES));
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.err()).doesNotContain("creating node-")
                .contains("lab \"" + lab.name() + "\" is up: 3 nodes ready");
        assertThat(up.out()).contains("registry: berth-registry:5000 (Running; in manifests: image: "
                + "berth-registry:5000/berth-hello:v1; push from this machine to 127.0.0.1:");
    }

    @Test
    void registersTheLabAsTheCurrentContext(Lab lab) {
        CliRunner.Result current = lab.berth("config", "current-context");
        assertThat(current.out()).as(current.toString()).isEqualTo(lab.name() + "\n");
        CliRunner.Result view = lab.berth("config", "get-contexts", "-o", "name");
        assertThat(view.exitCode()).as(view.toString()).isZero();
        assertThat(view.out()).contains(lab.name());
    }

    @Test
    void berthsOwnSshTransportReachesEveryNodeThroughTheLabsContext(Lab lab) {
        CliRunner.Result nodes = lab.berth("get", "nodes");
        assertThat(nodes.exitCode()).as(nodes.toString()).isZero();
        assertThat(nodes.out()).containsPattern("node-1 +Ready +edge ").containsPattern("node-2 +Ready +<none> ")
                .containsPattern("node-3 +Ready +<none> ");
    }

    @Test
    void statusShowsThreeReadyNodesWithTheirAddressesAndTheEdge(Lab lab) {
        CliRunner.Result status = lab.lab("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        var nodes = lab.nodes();
        assertThat(nodes).extracting(Lab.Node::name).containsExactly("node-1", "node-2", "node-3");
        String[] lines = status.out().split("\n");
        assertThat(lines[0]).matches("NODE +STATUS +ADDRESS +ROLES +DOCKER");
        assertThat(lines[1]).matches("node-1 +Ready +" + nodes.get(0).address().replace(".", "\\.") + " +edge +\\S+");
        assertThat(lines[2]).matches("node-2 +Ready +" + nodes.get(1).address().replace(".", "\\.") + " +<none> +\\S+");
        assertThat(lines[3]).matches("node-3 +Ready +" + nodes.get(2).address().replace(".", "\\.") + " +<none> +\\S+");
    }

    @Test
    void writesAnInventoryThatNamesEveryNodeTheKeyAndThePinnedHostKeys(Lab lab) throws Exception {
        String inventory = Files.readString(lab.inventory());
        for (Lab.Node node : lab.nodes()) {
            assertThat(inventory).contains("    - name: " + node.name() + "\n      address: " + node.address() + "\n");
            assertThat(Files.readString(lab.knownHosts())).contains(node.address() + " ssh-ed25519 ");
        }
        assertThat(inventory).contains("      - " + lab.privateKey() + "\n", "hostKeyPolicy: strict",
                "server: berth-registry:5000");
    }
}
