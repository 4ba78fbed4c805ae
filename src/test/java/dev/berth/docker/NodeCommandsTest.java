package dev.berth.docker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeCommandsTest {
    private static final String ID = "85686b0c06cd6fd2fee4f8347851f3c96a21bc791fd6cbfd2dc8fbef137b2d1e";

    @Test
    void valuesArePositionalParametersNeverScriptText() {
        List<String> network = NodeCommands.ensureNetwork("berth");
        assertThat(network).containsExactly("sh", "-c", "docker network inspect \"$1\" >/dev/null 2>&1 || "
                + "docker network create --label berth.dev/managed=true \"$1\" >/dev/null", "sh", "berth");
        assertThat(NodeCommands.removeContainer(ID)).endsWith("sh", ID);
        assertThat(NodeCommands.removeContainer(ID).get(2)).doesNotContain(ID);
    }

    @Test
    void aRestartNamesOnlyTheContainerAndRefusesAnythingElse() {
        assertThat(NodeCommands.restartContainer(ID)).containsExactly("docker", "restart", ID);
        assertThatThrownBy(() -> NodeCommands.restartContainer("--time=0")).hasMessage("not a container id: --time=0");
    }

    @Test
    void directoriesUnderBerthsOwnArePrepared() {
        assertThat(NodeCommands.prepareDirectory("/home/deploy/.berth/pods/default/web-abc/config"))
                .containsExactly("sh", "-c", "mkdir -p \"$1\" && chmod 0700 \"$1\" && umask 022 && mkdir -p \"$2\"",
                        "sh", "/home/deploy/.berth", "/home/deploy/.berth/pods/default/web-abc/config");
    }

    @Test
    void cleanUpDeletesOnlyAReplicasDirectory() {
        assertThat(NodeCommands.cleanUpPod("/home/deploy/.berth/pods/default/web-abc", "web-abc"))
                .endsWith("sh", "/home/deploy/.berth/pods/default/web-abc", "web-abc");
        assertThatThrownBy(() -> NodeCommands.cleanUpPod("/home/deploy", "web-abc"))
                .hasMessage("not a directory under berth's own: /home/deploy");
        assertThatThrownBy(() -> NodeCommands.cleanUpPod("/home/deploy/.berth/state", "x"))
                .hasMessage("refusing to delete /home/deploy/.berth/state: not a replica's directory");
        assertThatThrownBy(() -> NodeCommands.cleanUpPod("/home/deploy/.berth/pods/../../etc", "x"))
                .hasMessageStartingWith("not a directory under berth's own");
    }

    @Test
    void onlyContainerIdsAreRemoved() {
        assertThatThrownBy(() -> NodeCommands.removeContainer("-rf /")).hasMessage("not a container id: -rf /");
    }

    @Test
    void pullIsQuiet() {
        assertThat(NodeCommands.pull("berth-registry:5000/berth-hello:v1"))
                .containsExactly("docker", "pull", "--quiet", "berth-registry:5000/berth-hello:v1");
    }

    @Test
    void pullIfMissingAsksTheEngineFirstAndPassesTheImageAsAParameter() {
        assertThat(NodeCommands.pullIfMissing("nginx:1.28; rm -rf /")).containsExactly("sh", "-c",
                "docker image inspect \"$1\" >/dev/null 2>&1 || docker pull --quiet \"$1\"", "sh",
                "nginx:1.28; rm -rf /");
    }

    @Test
    void removesOnlyAClaimsVolumeAndOnlyAReplicasFile() {
        assertThat(NodeCommands.removeVolume("berth_default_data")).containsExactly("docker", "volume", "rm",
                "berth_default_data");
        assertThatThrownBy(() -> NodeCommands.removeVolume("pgdata"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(NodeCommands.removePodFile("/home/deploy/.berth/pods/default/web-1/env/app.env"))
                .containsExactly("sh", "-c", "rm -f -- \"$1\"", "sh", "/home/deploy/.berth/pods/default/web-1/env/app.env");
        assertThatThrownBy(() -> NodeCommands.removePodFile("/home/deploy/.berth/state/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeCommands.removePodFile("/etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
