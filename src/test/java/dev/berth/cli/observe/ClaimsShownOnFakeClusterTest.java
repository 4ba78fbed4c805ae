package dev.berth.cli.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import dev.berth.cli.converge.ClaimsOnFakeClusterTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code get pvc} and {@code describe pvc}: Bound where a node holds the volume, with its node, size and users. */
class ClaimsShownOnFakeClusterTest {

    private static FakeClusterCli applied(Path directory, String manifests) throws IOException {
        FakeClusterCli fake = new FakeClusterCli(directory);
        Files.writeString(directory.resolve("db.yaml"), manifests);
        CliRunner.Result apply = fake.berth("apply", "-f", directory.resolve("db.yaml").toString());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        return fake;
    }

    private static String claimOnly() {
        String all = ClaimsOnFakeClusterTest.manifests(null);
        return all.substring(0, all.indexOf("---"));
    }

    @Test
    void aClaimNoReplicaMountsWaitsForItsFirstConsumer(@TempDir Path directory) throws IOException {
        FakeClusterCli fake = applied(directory, claimOnly());

        assertThat(fake.berth("get", "pvc").out()).isEqualTo("""
                NAME   STATUS    VOLUME   CAPACITY   ACCESS MODES   NODE     USED-BY   AGE
                data   Pending                                      <none>   <none>    <unknown>
                """);
        CliRunner.Result described = fake.berth("describe", "pvc", "data");
        assertThat(described.exitCode()).as(described.toString()).isZero();
        assertThat(described.out()).contains("Status:         Pending\n",
                "Reason:         waiting for first consumer to be created before binding\n",
                "Volume:         berth_default_data (not created yet)\n", "Reclaim Policy: Retain");
    }

    @Test
    void aClaimWhoseVolumeANodeHoldsIsBoundThere(@TempDir Path directory) throws IOException {
        FakeClusterCli fake = applied(directory, ClaimsOnFakeClusterTest.manifests(null));
        String pod = fake.cluster().node("node-1").docker().containers().get(0).pod();

        assertThat(fake.berth("get", "pvc").out()).isEqualTo(String.join("\n",
                "NAME   STATUS   VOLUME               CAPACITY   ACCESS MODES   NODE     USED-BY               AGE",
                "data   Bound    berth_default_data   1Gi        RWO            node-1   " + pod + "   <unknown>",
                ""));
        CliRunner.Result described = fake.berth("describe", "pvc", "data");
        assertThat(described.exitCode()).as(described.toString()).isZero();
        assertThat(described.out()).contains("Name:           data\n", "Namespace:      default\n",
                "Status:         Bound\n", "Volume:         berth_default_data\n", "Node:           node-1\n",
                "Size on disk:   48Ki (du)\n", "Reclaim Policy: Retain (delete keeps the volume on its node)\n",
                "Mounted By:     deployment.apps/db\n", "Used By:\n  " + pod + "  node-1  Running\n");
        assertThat(fake.cluster().commands("node-1")).anySatisfy(argv -> assertThat(argv).startsWith("sh", "-c")
                .contains("berth_default_data", "berth-registry:5000/berth-hello:v1"));
    }

    @Test
    void asYamlAndJsonAClaimIsAKubernetesClaimWithItsPhase(@TempDir Path directory) throws IOException {
        FakeClusterCli fake = applied(directory, ClaimsOnFakeClusterTest.manifests("Delete"));

        JsonNode claim = new ObjectMapper().readTree(fake.berth("get", "pvc", "data", "-o", "json").out());

        assertThat(claim.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(claim.path("kind").asText()).isEqualTo("PersistentVolumeClaim");
        assertThat(claim.path("metadata").path("annotations").path("berth.dev/reclaim-policy").asText())
                .isEqualTo("Delete");
        assertThat(claim.path("status").path("phase").asText()).isEqualTo("Bound");
        assertThat(claim.path("status").path("capacity").path("storage").asText()).isEqualTo("1Gi");
        CliRunner.Result again = fake.berthWithInput(fake.berth("get", "pvc", "data", "-o", "yaml").out(), "diff",
                "-f", "-");
        assertThat(again.exitCode()).as(again.toString()).isZero();
    }
}
