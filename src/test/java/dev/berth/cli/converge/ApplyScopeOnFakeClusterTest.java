package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What apply is about: the namespace of its objects (-n, kubectl's rules) and what --prune may delete. */
class ApplyScopeOnFakeClusterTest {
    private static final String HELLO = "examples/hello/";

    @TempDir
    Path directory;

    private FakeClusterCli fake;

    @BeforeEach
    void cluster() throws IOException {
        fake = new FakeClusterCli(directory);
    }

    private static String worker(String name, String namespace) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  %s
                  labels: {app: hello}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      containers:
                        - {name: app, image: "berth-registry:5000/berth-hello:v1"}
                """.formatted(name, namespace == null ? "" : "namespace: " + namespace, name, name);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    @Nested
    class Namespaces {
        @Test
        void objectsThatNameNoNamespaceGoToTheNamespaceOfDashN() {
            CliRunner.Result applied = fake.berth("apply", "-n", "shop", "-f", HELLO);
            CliRunner.Result shop = fake.berth("get", "deployments", "-n", "shop", "-o", "name");
            CliRunner.Result standard = fake.berth("get", "deployments", "-o", "name");

            assertThat(applied.exitCode()).as(applied.toString()).isZero();
            assertThat(applied.out()).isEqualTo("""
                    deployment.apps/hello -n shop created
                    service/hello -n shop created
                    ingress.networking.k8s.io/hello -n shop created
                    """);
            assertThat(shop.out()).isEqualTo("deployment.apps/hello\n");
            assertThat(standard.out()).isEmpty();
        }

        @Test
        void dashNAfterTheVerbOrBeforeItIsTheSame() {
            fake.berth("-n", "shop", "apply", "-f", HELLO);

            CliRunner.Result again = fake.berth("apply", "-f", HELLO, "--namespace=shop");

            assertThat(again.out()).isEqualTo("""
                    deployment.apps/hello -n shop unchanged
                    service/hello -n shop unchanged
                    ingress.networking.k8s.io/hello -n shop unchanged
                    """);
        }

        @Test
        void aManifestsOwnNamespaceThatDashNContradictsIsRefusedBeforeAnyServer() throws IOException {
            Path teamB = file("worker.yaml", worker("worker", "team-b"));
            fake.cluster().forgetCalls();

            CliRunner.Result applied = fake.berth("apply", "-n", "shop", "-f", teamB.toString());

            assertThat(applied.exitCode()).isEqualTo(2);
            assertThat(applied.out()).isEmpty();
            assertThat(applied.err()).startsWith(teamB + ":5:14: metadata.namespace: the namespace from the provided "
                    + "object \"team-b\" does not match the namespace \"shop\" given with -n");
            assertThat(fake.cluster().commands("node-1")).isEmpty();
            assertThat(fake.cluster().commands("node-2")).isEmpty();
        }
    }

    @Nested
    class Prune {
        @Test
        void withoutASelectorOrAllIsRefusedBeforeAnyServer() {
            fake.cluster().forgetCalls();

            CliRunner.Result applied = fake.berth("apply", "-f", HELLO, "--prune");

            assertThat(applied.exitCode()).isEqualTo(2);
            assertThat(applied.err()).isEqualTo("error: --prune deletes only what -l SELECTOR or --all selects, in "
                    + "the namespaces of the applied objects: add one of them; nothing was touched\n");
            assertThat(fake.cluster().commands("node-1")).isEmpty();
        }

        @Test
        void deletesOnlyWhatTheSelectorSelectsInTheNamespacesOfTheAppliedObjects() throws IOException {
            fake.berth("apply", "-f", HELLO, "-f", file("extra.yaml", worker("extra", null)).toString());
            fake.berth("apply", "-f", file("elsewhere.yaml", worker("elsewhere", "team-b")).toString());
            Path unlabelled = file("unlabelled.yaml", worker("unlabelled", null).replace("labels: {app: hello}",
                    "labels: {app: other}"));
            fake.berth("apply", "-f", unlabelled.toString());

            CliRunner.Result pruned = fake.berth("apply", "-f", HELLO, "-l", "app=hello", "--prune");
            CliRunner.Result left = fake.berth("get", "deployments", "-A", "-o", "name");

            assertThat(pruned.exitCode()).as(pruned.toString()).isZero();
            assertThat(pruned.out()).isEqualTo("""
                    deployment.apps/hello unchanged
                    deployment.apps/extra pruned
                    """);
            assertThat(left.out()).isEqualTo("""
                    deployment.apps/hello
                    deployment.apps/unlabelled
                    deployment.apps/elsewhere
                    """);
        }

        @Test
        void withAllDeletesEveryObjectOfTheAppliedNamespacesTheFilesNoLongerHold() throws IOException {
            fake.berth("apply", "-f", HELLO, "-f", file("extra.yaml", worker("extra", null)).toString());
            fake.berth("apply", "-f", file("elsewhere.yaml", worker("elsewhere", "team-b")).toString());

            CliRunner.Result pruned = fake.berth("apply", "-f", file("only.yaml", worker("extra", null)).toString(),
                    "--prune", "--all");
            CliRunner.Result left = fake.berth("get", "deployments", "-A", "-o", "name");

            assertThat(pruned.exitCode()).as(pruned.toString()).isZero();
            assertThat(pruned.out()).isEqualTo("""
                    deployment.apps/extra unchanged
                    deployment.apps/hello pruned
                    ingress.networking.k8s.io/hello pruned
                    service/hello pruned
                    """);
            assertThat(left.out()).isEqualTo("""
                    deployment.apps/extra
                    deployment.apps/elsewhere
                    """);
        }

        @Test
        void allAndASelectorTogetherAreRefused() {
            CliRunner.Result applied = fake.berth("apply", "-f", HELLO, "--prune", "--all", "-l", "app=hello");

            assertThat(applied.exitCode()).isEqualTo(2);
            assertThat(applied.err()).isEqualTo("error: cannot set --all and -l/--selector at the same time\n");
        }
    }
}
