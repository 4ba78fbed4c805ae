package dev.berth.cli;

import dev.berth.ssh.TrainingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveTrainingTest {

    @Test
    void theInventoryNamesOneNodePerPortWithTheServersFiles(@TempDir Path directory) {
        String yaml = ArchiveTraining.inventory(directory, List.of(2201, 2202, 2203));

        assertThat(yaml).contains("hostKeyPolicy: strict", directory.resolve("id_ed25519").toString(),
                directory.resolve("known_hosts").toString(),
                "{name: node-1, address: 127.0.0.1, port: 2201}", "{name: node-3, address: 127.0.0.1, port: 2203}");
    }

    @Test
    void getNodesReachesEveryTrainingNodeOverSsh(@TempDir Path directory) throws Exception {
        try (TrainingServer server = TrainingServer.start(directory, 3)) {
            Path cluster = directory.resolve("cluster.yaml");
            Files.writeString(cluster, ArchiveTraining.inventory(directory, server.ports()));
            StringWriter out = new StringWriter();

            int exit = Main.run(new String[] {"get", "nodes", "--cluster", cluster.toString()}, Environment.ofProcess(),
                    new PrintWriter(out, true), new PrintWriter(OutputStream.nullOutputStream(), true));

            assertThat(exit).isZero();
            assertThat(out.toString()).contains("node-1", "node-2", "node-3").contains("Ready").doesNotContain("Unreachable");
        }
    }

    @Test
    void theTrainingManifestsHoldEveryKindAReadVerbShows() throws Exception {
        assertThat(ArchiveTraining.manifests().resources()).extracting(resource -> resource.getClass().getSimpleName())
                .contains("Deployment", "Service", "Ingress", "ConfigMap", "Secret", "PersistentVolumeClaim");
    }

    @Test
    void theReadVerbsShowTheDesiredStateTheTrainingStored(@TempDir Path directory) throws Exception {
        try (TrainingServer server = TrainingServer.start(directory, 3)) {
            Path cluster = directory.resolve("cluster.yaml");
            Files.writeString(cluster, ArchiveTraining.inventory(directory, server.ports()));
            ArchiveTraining.storeDesiredState(cluster);
            StringWriter out = new StringWriter();

            int exit = Main.run(new String[] {"get", "deployments,services,ingresses,configmaps,secrets,pvc", "-A"},
                    ArchiveTraining.withContext(directory, cluster), new PrintWriter(out, true),
                    new PrintWriter(OutputStream.nullOutputStream(), true));

            assertThat(exit).isZero();
            assertThat(out.toString()).contains("deployment.apps/web", "service/web", "ingress.networking.k8s.io/web",
                    "configmap/web-config", "secret/web-token", "persistentvolumeclaim/web-data");
        }
    }
}
