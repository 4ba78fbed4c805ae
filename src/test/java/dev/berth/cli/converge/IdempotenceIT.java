package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import dev.berth.lab.ProcessResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A run that finds nothing to do changes nothing: proven with Docker's own event log on every node. */
@LabTest
class IdempotenceIT {
    private static final String NAMESPACE = "it-idempotence";

    private LabCluster cluster;

    @BeforeEach
    void setUp(Lab lab, @TempDir Path scratch) {
        cluster = new LabCluster(lab, scratch);
    }

    @AfterEach
    void forget() {
        cluster.forget(NAMESPACE, "steady");
    }

    @Test
    void reconcilingAConvergedClusterCausesNoDockerEventOnAnyNode() throws Exception {
        Path file = cluster.manifest("steady.yaml", LabCluster.deployment(NAMESPACE, "steady", 3));
        Map<String, String> applying = nodeClocks();
        cluster.succeed("apply", "-f", file.toString());
        Map<String, String> applied = nodeClocks();
        assertThat(events(applying, applied).values()).as("the event log sees what apply did")
                .allSatisfy(events -> assertThat(events).contains("\"Action\":\"start\""));
        Map<String, List<String>> before = cluster.running(NAMESPACE, "steady");

        Map<String, String> start = nodeClocks();
        CliRunner.Result reconcile = cluster.succeed("reconcile");
        Map<String, String> end = nodeClocks();

        assertThat(reconcile.out()).isEmpty();
        assertThat(reconcile.err()).isEmpty();
        assertThat(events(start, end)).isEqualTo(Map.of("node-1", "", "node-2", "", "node-3", ""));
        assertThat(cluster.running(NAMESPACE, "steady")).isEqualTo(before);
    }

    /**
     * The time on each node, by its own clock, as docker events takes it ({@code SECONDS.NANOS}): a window of
     * events is measured where the events are stamped, so the clock of the machine running the test does not
     * matter.
     */
    private Map<String, String> nodeClocks() {
        Map<String, String> byNode = new LinkedHashMap<>();
        for (Lab.Node node : cluster.nodes()) {
            ProcessResult now = cluster.lab().ssh(node, "date +%s.%N");
            assertThat(now.succeeded()).as(now.toString()).isTrue();
            assertThat(now.output()).as("the clock of " + node.name()).matches("[0-9]+\\.[0-9]{9}");
            byNode.put(node.name(), now.output());
        }
        return byNode;
    }

    /** Container, network and volume events between two readings of each node's clock, one JSON document a line. */
    private Map<String, String> events(Map<String, String> since, Map<String, String> until) {
        Map<String, String> byNode = new LinkedHashMap<>();
        for (Lab.Node node : cluster.nodes()) {
            ProcessResult events = cluster.lab().ssh(node, "docker events --format '{{json .}}'"
                    + " --since " + since.get(node.name()) + " --until " + until.get(node.name())
                    + " --filter type=container --filter type=network --filter type=volume");
            assertThat(events.succeeded()).as(events.toString()).isTrue();
            byNode.put(node.name(), events.output());
        }
        return byNode;
    }
}
