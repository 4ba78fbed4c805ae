package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where replicas go on the real lab: requests against capacity, nodeSelector, cordon. */
@LabTest
class PlacementIT {
    private static final String NAMESPACE = "it-placement";

    private LabCluster cluster;

    @BeforeEach
    void setUp(Lab lab, @TempDir Path scratch) {
        cluster = new LabCluster(lab, scratch);
    }

    @AfterEach
    void forget() {
        cluster.forget(NAMESPACE, "huge", "on-node-2", "on-edge", "not-on-3");
    }

    @Test
    void aReplicaNoNodeHasRoomForIsPendingWithTheReasonAndExitCode3() {
        Path file = cluster.manifest("huge.yaml", huge());

        CliRunner.Result apply = cluster.berth("apply", "-f", file.toString());

        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
        assertThat(apply.out()).isEqualTo("deployment.apps/huge -n it-placement created\n");
        assertThat(apply.err()).isEqualTo("error: the cluster did not reach the desired state: it-placement/huge "
                + "has a Pending replica: 0/3 nodes fit: 3 insufficient memory\n");
        assertThat(cluster.total(NAMESPACE, "huge")).isZero();
    }

    @Test
    void aNodeSelectorOnTheHostnameOrOnARolePlacesOnlyOnTheNodesItSelects() {
        Path hostname = cluster.manifest("on-node-2.yaml", LabCluster.deployment(NAMESPACE, "on-node-2", 2,
                "nodeSelector: {berth.dev/hostname: node-2}"));
        Path role = cluster.manifest("on-edge.yaml", LabCluster.deployment(NAMESPACE, "on-edge", 2,
                "nodeSelector: {node-role.kubernetes.io/edge: \"\"}"));

        cluster.succeed("apply", "-f", hostname.toString(), "-f", role.toString());

        assertThat(cluster.counts(NAMESPACE, "on-node-2")).isEqualTo(Map.of("node-1", 0, "node-2", 2, "node-3", 0));
        assertThat(cluster.counts(NAMESPACE, "on-edge")).as("node-1 has the role edge")
                .isEqualTo(Map.of("node-1", 2, "node-2", 0, "node-3", 0));
    }

    @Test
    void aCordonedNodeGetsNoNewReplicaAndIsNamedWhenNothingFits() {
        Path spread = cluster.manifest("not-on-3.yaml", LabCluster.deployment(NAMESPACE, "not-on-3", 3));
        Path huge = cluster.manifest("huge.yaml", huge());
        try {
            cluster.succeed("cordon", "node-3");
            assertThat(cluster.succeed("get", "nodes").out()).containsPattern("\nnode-3 +Ready,SchedulingDisabled ")
                    .containsPattern("\nnode-2 +Ready ");

            cluster.succeed("apply", "-f", spread.toString());
            Map<String, Integer> counts = cluster.counts(NAMESPACE, "not-on-3");
            assertThat(counts.get("node-3")).isZero();
            assertThat(counts.get("node-1") + counts.get("node-2")).isEqualTo(3);
            assertThat(Math.abs(counts.get("node-1") - counts.get("node-2"))).as("spread over the other two")
                    .isEqualTo(1);

            CliRunner.Result pending = cluster.berth("apply", "-f", huge.toString());
            assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(3);
            assertThat(pending.err()).contains("has a Pending replica: 0/3 nodes fit: 2 insufficient memory, "
                    + "1 cordoned\n");
        } finally {
            try {
                cluster.forget(NAMESPACE, "huge", "not-on-3");
            } finally {
                cluster.succeed("uncordon", "node-3", "--lock-wait", "90s");
            }
        }
    }

    private static String huge() {
        return LabCluster.deployment(NAMESPACE, "huge", 1).replace("memory: 16Mi", "memory: 1000Gi");
    }
}
