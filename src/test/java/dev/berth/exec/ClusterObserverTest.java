package dev.berth.exec;

import dev.berth.exec.NodeObservation.NodeStatus;
import dev.berth.model.Cluster;
import dev.berth.ssh.CommandResult;
import dev.berth.ssh.FailureKind;
import dev.berth.ssh.NodeResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterObserverTest {
    private static final Cluster.Node NODE = new Cluster.Node("node-2", "10.0.0.12", null, null, Map.of(), List.of(),
            null);

    @Test
    void anSshFailureMakesTheNodeUnreachable() {
        NodeObservation observation = ClusterObserver.observation(NODE,
                new NodeResult.Failed<>("node-2", FailureKind.TIMEOUT, "node-2 (10.0.0.12:22): connect timed out"));
        assertThat(observation.status()).isEqualTo(NodeStatus.UNREACHABLE);
        assertThat(observation.reason()).isEqualTo("node-2 (10.0.0.12:22): connect timed out");
        assertThat(observation.snapshot()).isNull();
    }

    @Test
    void aFailingEngineMakesTheNodeNotReady() {
        NodeObservation observation = ClusterObserver.observation(NODE, ok(1, "",
                "permission denied while trying to connect to the Docker daemon socket\nmore"));
        assertThat(observation.status()).isEqualTo(NodeStatus.NOT_READY);
        assertThat(observation.reason()).isEqualTo("node-2: docker failed (exit 1): "
                + "permission denied while trying to connect to the Docker daemon socket");
    }

    @Test
    void unreadableOutputMakesTheNodeNotReady() {
        NodeObservation observation = ClusterObserver.observation(NODE, ok(0, "hello", ""));
        assertThat(observation.status()).isEqualTo(NodeStatus.NOT_READY);
        assertThat(observation.reason()).startsWith("node-2: cannot read node snapshot from docker");
    }

    @Test
    void aGoodAnswerIsReady() throws IOException {
        String output = fixture("info.json") + "--- berth:containers ---\n" + fixture("inspect-two-containers.json")
                + "--- berth:home ---\n/home/berth\n--- berth:volumes ---\n";
        NodeObservation observation = ClusterObserver.observation(NODE, ok(0, output, ""));
        assertThat(observation.ready()).isTrue();
        assertThat(observation.snapshot().containers()).hasSize(2);
    }

    private static NodeResult<CommandResult> ok(int exit, String out, String err) {
        return new NodeResult.Ok<>("node-2", new CommandResult(exit, out.getBytes(StandardCharsets.UTF_8),
                err.getBytes(StandardCharsets.UTF_8)));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ClusterObserverTest.class.getResourceAsStream("/docker/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
