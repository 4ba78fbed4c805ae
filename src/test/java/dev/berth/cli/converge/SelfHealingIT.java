package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import dev.berth.lab.ProcessResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A container that dies or a node that vanishes is healed by the next {@code reconcile}, on the real lab. */
@LabTest
class SelfHealingIT {
    private static final String NAMESPACE = "it-healing";

    private LabCluster cluster;

    @BeforeEach
    void setUp(Lab lab, @TempDir Path scratch) {
        cluster = new LabCluster(lab, scratch);
    }

    @AfterEach
    void forget() {
        cluster.forget(NAMESPACE, "killed", "evicted");
    }

    @Test
    void aKilledReplicaIsReplacedByANewContainerOnTheNextReconcile() {
        Path file = cluster.manifest("killed.yaml", LabCluster.deployment(NAMESPACE, "killed", 3));
        cluster.succeed("apply", "-f", file.toString());
        Map<String, List<String>> before = cluster.running(NAMESPACE, "killed");
        assertThat(before.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        String victim = before.get("node-2").get(0);

        ProcessResult kill = cluster.lab().ssh(cluster.node("node-2"), "docker kill " + victim);
        assertThat(kill.succeeded()).as(kill.toString()).isTrue();
        assertThat(cluster.total(NAMESPACE, "killed")).isEqualTo(2);

        cluster.succeed("reconcile");

        Map<String, List<String>> after = cluster.running(NAMESPACE, "killed");
        assertThat(cluster.spread(NAMESPACE, "killed")).containsExactly(1, 1, 1);
        List<String> all = after.values().stream().flatMap(List::stream).toList();
        assertThat(all).doesNotContain(victim);
        List<String> kept = new ArrayList<>(before.values().stream().flatMap(List::stream).toList());
        kept.remove(victim);
        assertThat(all).containsAll(kept).hasSize(3);
        assertThat(cluster.berth("diff", "-f", file.toString()).exitCode()).isZero();
    }

    @Test
    void replicasOfAStoppedNodeRunElsewhereAndTheSurplusGoesWhenItReturns(@TempDir Path inventoryDirectory)
            throws Exception {
        Path quick = Files.writeString(inventoryDirectory.resolve("cluster.yaml"), Files.readString(
                cluster.lab().inventory()).replace("  ssh:\n", "  ssh:\n    connectTimeout: 10s\n"));
        Path file = cluster.manifest("evicted.yaml", LabCluster.deployment(NAMESPACE, "evicted", 3));
        cluster.succeed("apply", "-f", file.toString());
        assertThat(cluster.spread(NAMESPACE, "evicted")).containsExactly(1, 1, 1);
        Lab.Node node1 = cluster.node("node-1");
        Lab.Node node3 = cluster.node("node-3");
        try {
            assertThat(cluster.lab().lab("node", "stop", "node-2").exitCode()).isZero();

            CliRunner.Result healed = cluster.lab().berth(LabCluster.withCluster(quick, "reconcile"));
            assertThat(healed.exitCode()).as("an unreachable node is exit 3 even when its replicas moved: "
                    + healed).isEqualTo(3);
            assertThat(healed.err()).contains("warning: Unreachable: node-2 (").contains("start container")
                    .contains("error: converged on the nodes that answered, but node-2 was not reached");
            int elsewhere = cluster.running(node1, NAMESPACE, "evicted").size()
                    + cluster.running(node3, NAMESPACE, "evicted").size();
            assertThat(elsewhere).isEqualTo(3);
        } finally {
            CliRunner.Result start = cluster.lab().lab("node", "start", "node-2");
            assertThat(start.exitCode()).as(start.toString()).isZero();
        }
        assertThat(cluster.total(NAMESPACE, "evicted")).as("node-2's replica is back with its node").isEqualTo(4);

        CliRunner.Result trimmed = cluster.succeed("reconcile");
        assertThat(trimmed.err()).contains("remove container");
        assertThat(cluster.total(NAMESPACE, "evicted")).isEqualTo(3);
        assertThat(cluster.berth("diff", "-f", file.toString()).exitCode()).isZero();
    }
}
