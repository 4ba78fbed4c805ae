package dev.berth.cli;

import dev.berth.archive.TarEntries;
import dev.berth.testing.FakeCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canary: a Secret's value, searched in everything berth prints, at every verbosity and on failures, is
 * found nowhere; on the nodes it is found only in the env files berth uploaded with mode 0600 below its private
 * directory (gone once their container exists), in the archive a start copies into its container on the
 * command's standard input (the files there with the volume's mode), and in the cluster-held record, which
 * reaches a state node on a command's standard input (never its argv) and is kept there under umask 077.
 */
class SecretCanaryOnFakeClusterTest {
    private static final String CANARY = "canary-9f3b2c7d";
    private static final String SECRET = """
            apiVersion: v1
            kind: Secret
            metadata: {name: db}
            stringData: {password: %s, API_TOKEN: %s}
            """.formatted(CANARY, CANARY);
    private static final String APP = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: %s}
            spec:
              selector: {matchLabels: {app: %s}}
              template:
                metadata: {labels: {app: %s}}
                spec:
                  containers:
                    - name: app
                      image: %s
                      env:
                        - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
                      envFrom:
                        - secretRef: {name: db}
                      volumeMounts: [{name: creds, mountPath: /etc/creds}]
                  volumes:
                    - {name: creds, secret: {secretName: db, defaultMode: 0600}}
            """;

    private final List<CliRunner.Result> printed = new ArrayList<>();

    @Test
    void aSecretsValueIsPrintedByNoVerbAndLivesOnTheNodesOnlyInPrivateFiles(@TempDir Path directory)
            throws IOException {
        FakeClusterCli fake = new FakeClusterCli(directory);
        fake.cluster().image("broken:1").notInRegistry();
        Path app = Files.writeString(directory.resolve("app.yaml"), SECRET + "---\n"
                + APP.formatted("api", "api", "api", "berth-registry:5000/berth-hello:v1"));
        Path failing = Files.writeString(directory.resolve("failing.yaml"), SECRET + "---\n"
                + APP.formatted("failer", "failer", "failer", "broken:1"));
        Path invalid = Files.writeString(directory.resolve("invalid.yaml"), SECRET.replace("{password:",
                "{pin: 739146, password:") + "---\n" + APP.formatted("bad", "bad", "bad", ""));
        String file = app.toString();

        run(fake, 0, "apply", "-f", file, "-v=8");
        run(fake, 0, "diff", "-f", file);
        Files.writeString(directory.resolve("changed.yaml"), Files.readString(app).replace(CANARY, CANARY + "-2"));
        run(fake, 1, "diff", "-f", directory.resolve("changed.yaml").toString(), "-v=8");
        run(fake, 0, "get", "secrets", "-o", "yaml");
        run(fake, 0, "get", "secret", "db", "-o", "json");
        run(fake, 0, "get", "all", "-o", "yaml");
        run(fake, 0, "get", "deploy,pods", "-o", "json", "-v=8");
        run(fake, 0, "describe", "deployment", "api");
        run(fake, 0, "describe", "pods", "-v=8");
        run(fake, 0, "rollout", "history", "deployment/api");
        run(fake, 0, "reconcile", "-v=8");
        run(fake, 3, "apply", "-f", failing.toString(), "--timeout", "0s", "-v=8");
        for (String node : List.of("node-1", "node-2")) {
            assertThat(fake.cluster().node(node).docker().files()).as("a failed start leaves no env file on " + node)
                    .noneMatch(path -> path.endsWith(".env"));
        }
        run(fake, 2, "apply", "-f", invalid.toString());
        run(fake, 2, "validate", "-f", invalid.toString(), "-v=8");
        run(fake, 0, "delete", "-f", failing.toString(), "-v=8");
        run(fake, 0, "get", "secrets");

        assertThat(printed).hasSize(16).allSatisfy(result -> {
            assertThat(clean(result.out())).as(result.toString()).isTrue();
            assertThat(clean(result.err())).as(result.toString()).isTrue();
        });
        assertThat(printed.get(12).err()).as("the invalid manifest is refused by name, not by value")
                .contains("stringData.pin");
        for (String node : List.of("node-1", "node-2")) {
            for (FakeCluster.Call.Upload upload : fake.cluster().uploads(node)) {
                if (!clean(new String(upload.content(), StandardCharsets.UTF_8))) {
                    assertThat(upload.path()).startsWith("/home/deploy/.berth/pods/");
                    assertThat(upload.mode()).as(upload.path()).isEqualTo(0600);
                }
            }
            for (List<String> argv : fake.cluster().commands(node)) {
                assertThat(argv).allMatch(SecretCanaryOnFakeClusterTest::clean);
            }
        }
        assertThat(fake.cluster().calls()).filteredOn(FakeCluster.Call.Command.class::isInstance)
                .map(FakeCluster.Call.Command.class::cast)
                .filteredOn(command -> !clean(new String(command.stdin(), StandardCharsets.UTF_8)))
                .isNotEmpty().allSatisfy(command -> {
                    if (command.argv().get(2).contains("docker cp --archive - ")) {
                        assertThat(TarEntries.read(command.stdin())).filteredOn(entry -> !clean(new String(
                                entry.content(), StandardCharsets.UTF_8))).isNotEmpty().allSatisfy(entry ->
                                assertThat(entry.line()).as("in the container, the Secret's defaultMode")
                                        .startsWith("0600 0/0 etc/creds/"));
                    } else {
                        assertThat(command.argv().get(2)).contains("umask 077");
                    }
                });
        assertThat(fake.cluster().calls()).filteredOn(FakeCluster.Call.Command.class::isInstance)
                .map(FakeCluster.Call.Command.class::cast)
                .as("the Secret's files reach the node only inside the archive a start copies into its container")
                .anyMatch(command -> command.argv().get(2).contains("docker cp --archive - ")
                        && !clean(new String(command.stdin(), StandardCharsets.UTF_8)));
        assertThat(fake.cluster().node("node-1").docker().files()).as("no env file outlives its start, and the "
                + "failed starts' files are gone with their Deployment").noneMatch(path -> path.endsWith(".env")
                || path.contains("/failer-"));
    }

    private void run(FakeClusterCli fake, int exitCode, String... args) {
        CliRunner.Result result = fake.berth(args);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        printed.add(result);
    }

    private static boolean clean(String text) {
        return !text.contains(CANARY) && !text.contains("739146")
                && !text.contains(Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8)))
                && !text.contains(Base64.getEncoder().encodeToString((CANARY + "-2").getBytes(StandardCharsets.UTF_8)));
    }
}
