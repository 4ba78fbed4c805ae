package dev.berth.cli.complete;

import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code berth __complete} offers from a cluster: the live names of its objects, asked once a few seconds. */
class LiveNamesOnFakeClusterTest {
    @TempDir
    Path directory;

    private FakeClusterCli fake;

    @BeforeEach
    void helloApplied() throws IOException {
        fake = new FakeClusterCli(directory);
        assertThat(fake.berth("apply", "-f", "examples/hello/").exitCode()).isZero();
        assertThat(fake.berth("apply", "-n", "shop", "-f", "examples/hello/").exitCode()).isZero();
    }

    private String complete(String... words) {
        List<String> args = new ArrayList<>(List.of("__complete", "--"));
        args.addAll(List.of(words));
        CliRunner.Result result = fake.berth(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.out();
    }

    @Test
    void offersTheDeploymentsOfTheNamespaceNamed() {
        assertThat(complete("get", "deployments", "")).isEqualTo("hello\n");
        assertThat(complete("get", "deploy", "-n", "shop", "h")).isEqualTo("hello\n");
        assertThat(complete("-n", "nowhere", "get", "deployments", "")).isEmpty();
    }

    @Test
    void offersPodsToLogsAndDescribe() {
        assertThat(complete("describe", "pods", "").lines()).hasSize(2).allMatch(pod -> pod.startsWith("hello-"));
    }

    @Test
    void offersTypeSlashNameForms() {
        assertThat(complete("scale", "")).isEqualTo("deployment/hello\n");
        assertThat(complete("get", "deployment/")).isEqualTo("deployment/hello\n");
    }

    @Test
    void offersNodesToTheNodeVerbsAndNamespacesToDashN() {
        assertThat(complete("cordon", "")).isEqualTo("node-1\nnode-2\n");
        assertThat(complete("volume", "move", "data", "--to", "")).isEqualTo("node-1\nnode-2\n");
        assertThat(complete("volume", "move", "data", "--to=node-")).isEqualTo("--to=node-1\n--to=node-2\n");
        assertThat(complete("get", "pods", "-n", "")).isEqualTo("default\nshop\n");
        assertThat(complete("get", "pods", "--namespace=s")).isEqualTo("--namespace=shop\n");
    }

    @Test
    void asksTheClusterAgainOnlyWhenItsAnswerIsAFewSecondsOld() throws IOException {
        assertThat(complete("get", "deployments", "")).isEqualTo("hello\n");
        Path worker = Files.writeString(directory.resolve("worker.yaml"), Files.readString(
                Path.of("examples/hello/hello.yaml")).replace("name: hello", "name: worker"));
        fake.berth("apply", "-f", worker.toString());

        String cached = complete("get", "deployments", "");
        fake.clock().advance(NameCache.FRESH.plus(Duration.ofSeconds(1)));
        String asked = complete("get", "deployments", "");

        assertThat(cached).isEqualTo("hello\n");
        assertThat(asked).isEqualTo("hello\nworker\n");
    }

    @Test
    void offersVerbsAndFlagsWithoutAskingTheCluster() {
        fake.cluster().forgetCalls();

        assertThat(complete("rol")).startsWith("rollout\t");
        assertThat(complete("get", "pods", "--sel")).startsWith("--selector\t");

        assertThat(fake.cluster().commands("node-1")).isEmpty();
    }
}
