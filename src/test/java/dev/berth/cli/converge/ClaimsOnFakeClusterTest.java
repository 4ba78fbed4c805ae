package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code delete} and {@code apply --prune} do with a PersistentVolumeClaim's Docker volume: kept by reclaim
 * policy Retain (the default), removed by Delete once asked, never while a Deployment mounts the claim.
 */
public class ClaimsOnFakeClusterTest {
    private static final String VOLUME = "berth_default_data";

    public static String manifests(String policy) {
        return """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                  labels: {app: db}
                %s
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: db, labels: {app: db}}
                spec:
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers:
                        - name: db
                          image: berth-registry:5000/berth-hello:v1
                          volumeMounts: [{name: data, mountPath: /data}]
                      volumes:
                        - {name: data, persistentVolumeClaim: {claimName: data}}
                """.formatted(policy == null ? "" : "  annotations: {berth.dev/reclaim-policy: " + policy + "}");
    }

    private static FakeClusterCli applied(Path directory, String policy) throws IOException {
        FakeClusterCli fake = new FakeClusterCli(directory);
        Files.writeString(directory.resolve("db.yaml"), manifests(policy));
        CliRunner.Result apply = fake.berth("apply", "-f", directory.resolve("db.yaml").toString());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        return fake;
    }

    private static String holder(FakeClusterCli fake) {
        return fake.cluster().node("node-1").docker().volumes().contains(VOLUME) ? "node-1" : "node-2";
    }

    @Test
    void aClaimADeploymentMountsIsNotDeleted(@TempDir Path directory) throws IOException {
        FakeClusterCli fake = applied(directory, null);

        CliRunner.Result deleted = fake.berth("delete", "pvc", "data");

        assertThat(deleted.exitCode()).as(deleted.toString()).isEqualTo(2);
        assertThat(deleted.err()).isEqualTo("error: persistentvolumeclaim/data is used by deployment.apps/db: delete "
                + "it first, or in the same command (nothing was touched)\n");
        assertThat(fake.berth("get", "pvc", "data").exitCode()).isZero();
    }

    @Test
    void aRetainClaimKeepsItsVolumeAndSaysWhere(@TempDir Path directory) throws IOException {
        FakeClusterCli fake = applied(directory, null);
        String node = holder(fake);

        CliRunner.Result deleted = fake.berth("delete", "-f", directory.resolve("db.yaml").toString());

        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).contains("deployment.apps/db deleted\n", "persistentvolumeclaim/data deleted "
                + "(volume " + VOLUME + " kept on " + node + ": reclaim policy Retain)\n");
        assertThat(fake.cluster().node(node).docker().volumes()).contains(VOLUME);
        assertThat(fake.cluster().node(node).docker().containerNames()).isEmpty();
    }

    @Test
    void aDeleteClaimNeedsYesWithoutATerminalAndNothingIsTouched(@TempDir Path directory) throws IOException {
        FakeClusterCli fake = applied(directory, "Delete");
        String node = holder(fake);

        CliRunner.Result refused = fake.berth("delete", "-f", directory.resolve("db.yaml").toString());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("error: deleting persistentvolumeclaim/data (volume " + VOLUME + " on "
                + node + ") deletes its data (reclaim policy Delete): add --yes to confirm (nothing was touched)\n");
        assertThat(fake.cluster().node(node).docker().containerNames()).hasSize(1);
        assertThat(fake.berth("get", "deploy,pvc").out()).contains("db", "data");
    }

    @Test
    void aDeleteClaimLosesItsVolumeOnceItsReplicasAreGone(@TempDir Path directory) throws IOException {
        FakeClusterCli fake = applied(directory, "Delete");
        String node = holder(fake);

        CliRunner.Result deleted = fake.berth("delete", "-f", directory.resolve("db.yaml").toString(), "--yes");

        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).endsWith("persistentvolumeclaim/data deleted (reclaim policy Delete)\n"
                + "volume " + VOLUME + " removed from " + node + "\n");
        assertThat(fake.cluster().node(node).docker().volumes()).doesNotContain(VOLUME);
        assertThat(fake.cluster().commands(node)).containsSubsequence(
                fake.cluster().commands(node).stream().filter(argv -> argv.toString().contains("docker stop"))
                        .findFirst().orElseThrow(), java.util.List.of("docker", "volume", "rm", VOLUME));
    }

    @Test
    void onATerminalBerthAsksAndANoTouchesNothing(@TempDir Path directory) throws IOException {
        FakeClusterCli fake = applied(directory, "Delete").interactive(true);
        String node = holder(fake);

        CliRunner.Result declined = fake.berthWithInput("n\n", "delete", "-f", directory.resolve("db.yaml").toString());

        assertThat(declined.exitCode()).as(declined.toString()).isEqualTo(2);
        assertThat(declined.err()).isEqualTo("Deleting persistentvolumeclaim/data (volume " + VOLUME + " on " + node
                + ") deletes its data (reclaim policy Delete). Continue? [y/N] error: not confirmed: nothing was "
                + "deleted; --yes deletes without asking\n");
        assertThat(fake.cluster().node(node).docker().volumes()).contains(VOLUME);

        CliRunner.Result confirmed = fake.berthWithInput("y\n", "delete", "-f",
                directory.resolve("db.yaml").toString());

        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        assertThat(fake.cluster().node(node).docker().volumes()).doesNotContain(VOLUME);
    }

    @Test
    void aPruneTellsTheSame(@TempDir Path directory) throws IOException {
        FakeClusterCli fake = applied(directory, null);
        String node = holder(fake);
        Files.writeString(directory.resolve("other.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: other, labels: {app: db}}
                data: {a: b}
                """);

        CliRunner.Result pruned = fake.berth("apply", "-f", directory.resolve("other.yaml").toString(), "--prune",
                "-l", "app=db");

        assertThat(pruned.exitCode()).as(pruned.toString()).isZero();
        assertThat(pruned.out()).contains("persistentvolumeclaim/data pruned (volume " + VOLUME + " kept on " + node
                + ": reclaim policy Retain)");
        assertThat(fake.cluster().node(node).docker().volumes()).contains(VOLUME);
    }
}
