package dev.berth.cli.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import dev.berth.docker.NodeCommands;
import dev.berth.state.InMemoryStateNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the rollout verbs' tests share: a {@link FakeClusterCli} of two nodes that also answers the pull a rollout
 * sends every node before its first wave, and the Deployment {@code web} (two replicas, no probe, a variable from
 * a Secret) in versions by image tag. Without a probe a new replica is ready as soon as it runs, so a wave ends in
 * the same instant unless {@code minReadySeconds} makes it wait.
 */
final class RolloutFixture {
    static final String SECRET_VALUE = "s3cret-value";
    static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              minReadySeconds: MIN_READY
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: registry.example/web:TAG
                      ports:
                        - containerPort: 8080
                      env:
                        - name: GREETING
                          value: hello
                        - name: TOKEN
                          valueFrom:
                            secretKeyRef: {name: web, key: token}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: web}
            stringData: {token: SECRET}
            """.replace("SECRET", SECRET_VALUE);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final FakeClusterCli fake;

    RolloutFixture(Path directory) throws IOException {
        this.directory = directory;
        this.fake = new FakeClusterCli(directory);
        for (String node : List.of("node-1", "node-2")) {
            fake.cluster().node(node).answer(argv -> argv.size() == 5
                    && argv.equals(NodeCommands.pullIfMissing(argv.get(4))), 0, "", "");
        }
    }

    FakeClusterCli fake() {
        return fake;
    }

    CliRunner.Result berth(String... args) {
        return fake.berth(args);
    }

    /** {@code web-TAG.yaml}: the Deployment with the image {@code registry.example/web:TAG}. */
    Path web(String tag) throws IOException {
        return web(tag, 0);
    }

    Path web(String tag, int minReadySeconds) throws IOException {
        return Files.writeString(directory.resolve("web-" + tag + ".yaml"),
                WEB.replace("TAG", tag).replace("MIN_READY", Integer.toString(minReadySeconds)));
    }

    /** Applies {@code web-TAG.yaml}, which must succeed, then lets a minute pass. */
    CliRunner.Result apply(String tag) throws IOException {
        CliRunner.Result applied = fake.berth("apply", "-f", web(tag).toString());
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        fake.clock().advance(Duration.ofMinutes(1));
        return applied;
    }

    /** The change cause {@link #apply} records. */
    String applyCause(String tag) {
        return "berth apply -f " + directory.resolve("web-" + tag + ".yaml");
    }

    /** Every replica on the nodes as {@code node: HASH-SUFFIX}, the hash naming its template. */
    List<String> replicas() {
        List<String> replicas = new ArrayList<>();
        for (String node : List.of("node-1", "node-2")) {
            fake.cluster().node(node).docker().containerNames().forEach(name -> replicas.add(node + ": "
                    + name.substring(name.lastIndexOf('-') - 10, name.lastIndexOf('_'))));
        }
        return replicas;
    }

    /** The image the stored Deployment's template names, as the cluster's record holds it. */
    String storedImage() throws IOException {
        JsonNode record = JSON.readTree(fake.cluster().node("node-1").state().record().orElseThrow());
        JsonNode deployment = JSON.readTree(record.path("applied").path("Deployment/default/web").asText());
        return deployment.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText();
    }

    /** The commands sent to the nodes other than the record and lock scripts and the node probe. */
    List<List<String>> dockerCommands() {
        List<List<String>> commands = new ArrayList<>();
        for (String node : List.of("node-1", "node-2")) {
            fake.cluster().commands(node).stream().filter(argv -> !InMemoryStateNode.isStateScript(argv))
                    .filter(argv -> !argv.get(2).startsWith("docker info")).forEach(commands::add);
        }
        return commands;
    }
}
