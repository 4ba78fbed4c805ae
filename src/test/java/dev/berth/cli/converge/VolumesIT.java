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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims on real nodes: Bound where the first replica made the volume, with its size measured by {@code du}; a
 * Retain claim's volume survives its deletion, a Delete claim's goes once confirmed with {@code --yes}.
 */
@LabTest
class VolumesIT {
    private static final String NAMESPACE = "it-volumes";

    private LabCluster cluster;

    @BeforeEach
    void setUp(Lab lab, @TempDir Path scratch) {
        cluster = new LabCluster(lab, scratch);
    }

    @AfterEach
    void forget() {
        cluster.forgetNamespace(NAMESPACE);
        for (Lab.Node node : cluster.nodes()) {
            cluster.lab().ssh(node, "docker volume rm berth_" + NAMESPACE + "_kept berth_" + NAMESPACE
                    + "_scratch 2>/dev/null; true");
        }
    }

    private static String claimed(String claim, String policy) {
        return "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: " + claim + "\n  namespace: "
                + NAMESPACE + "\n  annotations: {berth.dev/reclaim-policy: " + policy + "}\nspec:\n"
                + "  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n---\n"
                + LabCluster.deployment(NAMESPACE, claim, 1,
                "volumes: [{name: data, persistentVolumeClaim: {claimName: " + claim + "}}]")
                .replace("          resources:", "          volumeMounts: [{name: data, mountPath: /data}]\n"
                        + "          resources:");
    }

    private String holder(String volume) {
        for (Lab.Node node : cluster.nodes()) {
            ProcessResult ls = cluster.lab().ssh(node, "docker volume ls --quiet --filter name=" + volume);
            if (ls.output().lines().anyMatch(volume::equals)) {
                return node.name();
            }
        }
        return null;
    }

    @Test
    void aRetainClaimIsBoundMeasuredAndKeptWhenDeleted() {
        Path file = cluster.manifest("kept.yaml", claimed("kept", "Retain"));
        cluster.succeed("apply", "-f", file.toString(), "--wait");
        String volume = "berth_" + NAMESPACE + "_kept";
        String node = holder(volume);
        assertThat(node).isNotNull();

        CliRunner.Result get = cluster.succeed("get", "pvc", "-n", NAMESPACE);
        assertThat(get.out()).contains("kept", "Bound", volume, node);
        CliRunner.Result describe = cluster.succeed("describe", "pvc", "kept", "-n", NAMESPACE);
        assertThat(describe.out()).containsPattern("Size on disk: +[0-9]+(Ki|Mi)? \\(du\\)")
                .contains("Node:", node, "Reclaim Policy: Retain");

        CliRunner.Result deleted = cluster.succeed("delete", "-f", file.toString());

        assertThat(deleted.out()).contains("persistentvolumeclaim/kept -n " + NAMESPACE + " deleted (volume " + volume
                + " kept on " + node + ": reclaim policy Retain)");
        assertThat(holder(volume)).isEqualTo(node);
    }

    @Test
    void aDeleteClaimsVolumeGoesOnlyWithYes() {
        Path file = cluster.manifest("scratch.yaml", claimed("scratch", "Delete"));
        cluster.succeed("apply", "-f", file.toString(), "--wait");
        String volume = "berth_" + NAMESPACE + "_scratch";
        String node = holder(volume);
        assertThat(node).isNotNull();

        CliRunner.Result refused = cluster.berth("delete", "-f", file.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(holder(volume)).isEqualTo(node);

        CliRunner.Result deleted = cluster.succeed("delete", "-f", file.toString(), "--yes");
        assertThat(deleted.out()).contains("volume " + volume + " removed from " + node);
        assertThat(holder(volume)).isNull();
    }
}
