package dev.berth.docker;

import dev.berth.model.NodeSnapshot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static dev.berth.docker.DockerOutputTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeProbeTest {

    @Test
    void isOneFixedShellScript() {
        assertThat(NodeProbe.command()).hasSize(3).startsWith("sh", "-c");
        assertThat(NodeProbe.command().get(2))
                .contains("docker info --format '{{json .}}'")
                .contains("--filter label=berth.dev/managed=true");
    }

    @Test
    void readsEngineAndContainersFromOneOutput() {
        String output = fixture("info.json") + NodeProbe.SEPARATOR + "\n" + fixture("inspect-two-containers.json");
        NodeSnapshot snapshot = NodeProbe.parse(output);
        assertThat(snapshot.engine().cpus()).isEqualTo(2);
        assertThat(snapshot.containers()).extracting("name").containsExactly("web-1", "done");
    }

    @Test
    void aNodeWithoutBerthContainers() {
        NodeSnapshot snapshot = NodeProbe.parse(fixture("info.json") + NodeProbe.SEPARATOR + "\n[]\n");
        assertThat(snapshot.containers()).isEmpty();
    }

    @Test
    void outputWithoutSeparatorIsMalformed() {
        assertThatThrownBy(() -> NodeProbe.parse("permission denied while trying to connect"))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining("node snapshot");
    }

    @Test
    void theScriptRunsAgainstARealEngine() throws IOException, InterruptedException {
        Process sh = new ProcessBuilder(NodeProbe.command()).redirectErrorStream(false).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (sh.waitFor() != 0) {
            org.junit.jupiter.api.Assumptions.abort("no local Docker engine answers");
        }
        assertThat(NodeProbe.parse(out).engine().engineVersion()).isNotEmpty();
    }
}
