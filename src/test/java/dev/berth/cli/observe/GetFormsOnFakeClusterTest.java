package dev.berth.cli.observe;

import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kubectl's forms of {@code get} on a cluster kept in memory: examples/hello and examples/postgres applied, then
 * two and a half minutes later the verbs look at it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetFormsOnFakeClusterTest {
    private FakeClusterCli fake;

    @BeforeAll
    void helloAndPostgresRunForTwoAndAHalfMinutes(@TempDir Path directory) throws IOException {
        fake = applied(directory);
    }

    private static FakeClusterCli applied(Path directory) throws IOException {
        FakeClusterCli cluster = new FakeClusterCli(directory);
        CliRunner.Result apply = cluster.berth("apply", "-f", "examples/hello/");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        CliRunner.Result postgres = cluster.berth("apply", "-f", "examples/postgres/", "--timeout", "0s");
        assertThat(postgres.exitCode()).as(postgres.toString()).isEqualTo(3);
        cluster.clock().advance(Duration.ofSeconds(150));
        return cluster;
    }

    private static String ok(CliRunner.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
        return result.out();
    }

    @Nested
    class Forms {
        @Test
        void severalTypesPrintOneTableEachWithKindAndName() {
            assertThat(ok(fake.berth("get", "deploy,po", "-l", "app=hello"))).isEqualTo("""
                    NAME                    READY   UP-TO-DATE   AVAILABLE   AGE
                    deployment.apps/hello   2/2     2            2           2m30s

                    NAME                         READY   STATUS    RESTARTS   AGE     NODE
                    pod/hello-2bbc5fece9-ckc87   1/1     Running   0          2m30s   node-1
                    pod/hello-2bbc5fece9-stl2j   1/1     Running   0          2m30s   node-2
                    """);
        }

        @Test
        void allIsPodsThenDeployments() {
            assertThat(ok(fake.berth("get", "all", "-l", "app=hello"))).startsWith("""
                    NAME                         READY   STATUS    RESTARTS   AGE     NODE
                    pod/hello-2bbc5fece9-ckc87""").contains("\n\nNAME                    READY   UP-TO-DATE");
        }

        @Test
        void typeSlashNameNamesObjectsOfSeveralTypes() {
            assertThat(ok(fake.berth("get", "deploy/hello", "pod/hello-2bbc5fece9-stl2j", "-o", "name")))
                    .isEqualTo("deployment.apps/hello\npod/hello-2bbc5fece9-stl2j\n");
        }

        @Test
        void typeSlashNameMixedWithABareNameIsAUsageError() {
            CliRunner.Result result = fake.berth("get", "deploy/hello", "web");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("resource/name form");
        }

        @Test
        void showLabelsAndLabelColumnsAddColumnsAndNoHeadersDropsTheHeader() {
            assertThat(ok(fake.berth("get", "pods", "-l", "app=hello", "--show-labels", "-L", "app",
                    "--no-headers"))).isEqualTo("""
                    hello-2bbc5fece9-ckc87   1/1   Running   0   2m30s   node-1   hello   \
                    app=hello,pod-template-hash=2bbc5fece9
                    hello-2bbc5fece9-stl2j   1/1   Running   0   2m30s   node-2   hello   \
                    app=hello,pod-template-hash=2bbc5fece9
                    """);
        }

        @Test
        void sortByOrdersRowsByAFieldOfTheObjects() {
            assertThat(ok(fake.berth("get", "pods", "-A", "--sort-by={.spec.nodeName}", "-o",
                    "custom-columns=NAME:.metadata.name,NODE:.spec.nodeName"))).isEqualTo("""
                    NAME                            NODE
                    postgres-8cfbef6e7d-pending-1   <none>
                    hello-2bbc5fece9-ckc87          node-1
                    hello-2bbc5fece9-stl2j          node-2
                    """);
        }
    }

    @Nested
    class Templates {
        @Test
        void jsonpathOverTheListOfPods() {
            assertThat(ok(fake.berth("get", "pods", "-l", "app=hello", "-o",
                    "jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}{.spec.nodeName}{\"\\n\"}{end}")))
                    .isEqualTo("hello-2bbc5fece9-ckc87\tnode-1\nhello-2bbc5fece9-stl2j\tnode-2\n");
            assertThat(ok(fake.berth("get", "pods", "-l", "app=hello", "-o",
                    "jsonpath={.items[*].status.containerStatuses[?(@.ready==true)].name}"))).isEqualTo("hello hello");
        }

        @Test
        void jsonpathOverOneDeployment() {
            assertThat(ok(fake.berth("get", "deploy", "hello", "-o",
                    "jsonpath={.status.readyReplicas}/{.spec.replicas} "
                            + "{.status.conditions[?(@.type==\"Available\")].reason}")))
                    .isEqualTo("2/2 MinimumReplicasAvailable");
        }

        @Test
        void aTemplateThatDoesNotReadFailsBeforeAnyServerIsAsked() {
            CliRunner.Result result = fake.berth("get", "pods", "-o", "jsonpath={.items[}");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("cannot read the jsonpath \".items[\"");
        }
    }

    @Nested
    class StoredTypes {
        @Test
        void secretsShowTheirTypeAndNumberOfKeysNeverTheValues() {
            assertThat(ok(fake.berth("get", "secrets"))).isEqualTo("""
                    NAME       TYPE     DATA   AGE
                    postgres   Opaque   1      <unknown>
                    """);
            assertThat(ok(fake.berth("get", "secret", "postgres", "-o", "json"))).contains(
                    "\"password\" : \"<redacted>\"");
        }

        @Test
        void claimsArePendingUntilAReplicaMadeTheirVolume() {
            assertThat(ok(fake.berth("get", "pvc"))).isEqualTo("""
                    NAME            STATUS    VOLUME   CAPACITY   ACCESS MODES   NODE     USED-BY   AGE
                    postgres-data   Pending                                      <none>   <none>    <unknown>
                    """);
            assertThat(ok(fake.berth("get", "pvc", "-o", "wide"))).contains("REASON",
                    "Retain           waiting for deployment.apps/postgres (Pending: 0/2 nodes fit");
        }

        @Test
        void namespacesAreThoseOfTheStoredObjects() {
            assertThat(ok(fake.berth("get", "ns"))).isEqualTo("""
                    NAME      STATUS   AGE
                    default   Active   <unknown>
                    """);
        }

        @Test
        void aNamespaceObjectIsStoredAndListedThoughNothingRunsInIt(@TempDir Path own) throws IOException {
            FakeClusterCli cluster = new FakeClusterCli(own);
            String list = """
                    apiVersion: v1
                    kind: List
                    items:
                      - apiVersion: v1
                        kind: Namespace
                        metadata:
                          name: shop
                      - apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: settings
                          namespace: shop
                        data: {mode: fast}
                    """;
            assertThat(ok(cluster.berthWithInput(list, "apply", "-f", "-")))
                    .isEqualTo("namespace/shop created\nconfigmap/settings -n shop created\n");
            assertThat(ok(cluster.berth("get", "ns"))).isEqualTo("""
                    NAME   STATUS   AGE
                    shop   Active   <unknown>
                    """);
            assertThat(ok(cluster.berth("get", "cm", "-n", "shop", "-o", "jsonpath={.items[*].data.mode}")))
                    .isEqualTo("fast");
            assertThat(ok(cluster.berthWithInput(list, "apply", "-f", "-")))
                    .isEqualTo("namespace/shop unchanged\nconfigmap/settings -n shop unchanged\n");
        }

        @Test
        void configMapsOfAnotherNamespaceAreNotFound() {
            CliRunner.Result result = fake.berth("get", "cm", "-n", "other");
            assertThat(result.exitCode()).isZero();
            assertThat(result.err()).isEqualTo("No resources found in other namespace.\n");
        }
    }

    @Nested
    class RoundTrip {
        @Test
        void theYamlOfADeploymentAppliedAgainChangesNothing() {
            String yaml = ok(fake.berth("get", "deploy", "hello", "-o", "yaml"));
            assertThat(yaml).contains("kind: Deployment", "uid: ", "status:", "observedGeneration: 1");

            CliRunner.Result diff = fake.berthWithInput(yaml, "diff", "-f", "-");
            assertThat(diff.exitCode()).as(diff.toString()).isZero();
            CliRunner.Result apply = fake.berthWithInput(yaml, "apply", "-f", "-");
            assertThat(apply.exitCode()).as(apply.toString()).isZero();
            assertThat(apply.out()).isEqualTo("deployment.apps/hello unchanged\n");
        }

        @Test
        void aListOfDeploymentsAppliedAgainChangesNothing() {
            String yaml = ok(fake.berth("get", "deploy", "-l", "app=hello", "-o", "yaml"));
            assertThat(yaml).startsWith("apiVersion: v1\nkind: List\nitems:\n");

            CliRunner.Result diff = fake.berthWithInput(yaml, "diff", "-f", "-");
            assertThat(diff.exitCode()).as(diff.toString()).isZero();
        }
    }

    @Nested
    class Watch {
        @Test
        void printsTheListThenOnlyTheRowsThatChangedUntilInterrupted(@TempDir Path own) throws IOException {
            FakeClusterCli watched = applied(own);
            AtomicInteger looks = new AtomicInteger();
            watched.whilePausing(() -> {
                int look = looks.incrementAndGet();
                if (look == 2) {
                    watched.cluster().node("node-1").docker().crashLoop("hello-2bbc5fece9-ckc87", 1);
                }
                if (look == 3) {
                    Thread.currentThread().interrupt();
                }
            });

            CliRunner.Result result = watched.berth("get", "pods", "-l", "app=hello", "-w", "--interval", "5s");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).isEqualTo("""
                    NAME                     READY   STATUS    RESTARTS   AGE     NODE
                    hello-2bbc5fece9-ckc87   1/1     Running   0          2m30s   node-1
                    hello-2bbc5fece9-stl2j   1/1     Running   0          2m30s   node-2
                    hello-2bbc5fece9-ckc87   0/1   CrashLoopBackOff   1   2m40s   node-1
                    """);
        }
    }
}
