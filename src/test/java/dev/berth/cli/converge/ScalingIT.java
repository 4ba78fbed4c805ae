package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Changing {@code replicas} and applying starts or removes exactly the difference, on the real lab. */
@LabTest
class ScalingIT {
    private static final String NAMESPACE = "it-scaling";

    private LabCluster cluster;

    @BeforeEach
    void setUp(Lab lab, @TempDir Path scratch) {
        cluster = new LabCluster(lab, scratch);
    }

    @AfterEach
    void forget() {
        cluster.forget(NAMESPACE, "scaled", "scaled-by-verb");
    }

    @Test
    void applyingTwoThenThreeThenOneReplicasRunsExactlyThatManyContainers() {
        Path file = cluster.manifest("scaled.yaml", LabCluster.deployment(NAMESPACE, "scaled", 2));
        CliRunner.Result created = cluster.succeed("apply", "-f", file.toString());
        assertThat(created.out()).isEqualTo("deployment.apps/scaled -n it-scaling created\n");
        assertThat(cluster.spread(NAMESPACE, "scaled")).as("one per node").containsExactly(0, 1, 1);

        cluster.manifest("scaled.yaml", LabCluster.deployment(NAMESPACE, "scaled", 3));
        CliRunner.Result scaledUp = cluster.succeed("apply", "-f", file.toString());
        assertThat(scaledUp.out()).isEqualTo("deployment.apps/scaled -n it-scaling configured\n");
        assertThat(cluster.counts(NAMESPACE, "scaled").values()).containsExactly(1, 1, 1);

        cluster.manifest("scaled.yaml", LabCluster.deployment(NAMESPACE, "scaled", 1));
        cluster.succeed("apply", "-f", file.toString());
        assertThat(cluster.total(NAMESPACE, "scaled")).isEqualTo(1);

        assertThat(cluster.berth("diff", "-f", file.toString()).exitCode()).isZero();
    }

    @Test
    void scalingADeploymentByNameChangesTheStoredCountAndTheContainersAlike() {
        Path file = cluster.manifest("verb.yaml", LabCluster.deployment(NAMESPACE, "scaled-by-verb", 2));
        cluster.succeed("apply", "-f", file.toString());
        assertThat(cluster.total(NAMESPACE, "scaled-by-verb")).isEqualTo(2);

        CliRunner.Result up = cluster.succeed("scale", "deployment/scaled-by-verb", "--replicas=3", "-n", NAMESPACE);
        assertThat(up.out()).isEqualTo("deployment.apps/scaled-by-verb -n it-scaling configured\n");
        assertThat(cluster.spread(NAMESPACE, "scaled-by-verb")).containsExactly(1, 1, 1);
        assertThat(cluster.berth("diff", "-f", file.toString()).exitCode()).as("the file still says 2").isEqualTo(1);

        cluster.succeed("scale", "deployment", "scaled-by-verb", "--replicas", "1", "-n", NAMESPACE);
        assertThat(cluster.total(NAMESPACE, "scaled-by-verb")).isEqualTo(1);
        assertThat(cluster.berth("reconcile", "--check").exitCode()).as("the scaled count is the stored one").isZero();
    }
}
