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
import java.time.Instant;
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
        Instant applying = Instant.now();
        cluster.succeed("apply", "-f", file.toString());
        Instant applied = Instant.now();
        assertThat(events(applying, applied).values()).as("the event log sees what apply did")
                .allSatisfy(events -> assertThat(events).contains("\"Action\":\"start\""));
        Map<String, List<String>> before = cluster.running(NAMESPACE, "steady");
        Thread.sleep(1100);

        Instant start = Instant.now();
        CliRunner.Result reconcile = cluster.succeed("reconcile");
        Instant end = Instant.now();

        assertThat(reconcile.out()).isEmpty();
        assertThat(reconcile.err()).isEmpty();
        assertThat(events(start, end)).isEqualTo(Map.of("node-1", "", "node-2", "", "node-3", ""));
        assertThat(cluster.running(NAMESPACE, "steady")).isEqualTo(before);
    }

    /** Container, network and volume events in [since, until] per node, one JSON document a line. */
    private Map<String, String> events(Instant since, Instant until) {
        Map<String, String> byNode = new LinkedHashMap<>();
        for (Lab.Node node : cluster.nodes()) {
            ProcessResult events = cluster.lab().ssh(node, "docker events --format '{{json .}}'"
                    + " --since " + seconds(since) + " --until " + seconds(until.plusMillis(500))
                    + " --filter type=container --filter type=network --filter type=volume");
            assertThat(events.succeeded()).as(events.toString()).isTrue();
            byNode.put(node.name(), events.output());
        }
        return byNode;
    }

    private static String seconds(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%09d", instant.getNano());
    }
}
