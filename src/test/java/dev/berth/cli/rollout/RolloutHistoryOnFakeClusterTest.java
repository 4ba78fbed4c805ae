package dev.berth.cli.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact output of {@code rollout history} and {@code rollout undo}, and of the errors every rollout verb shares,
 * against a cluster kept in memory ({@link RolloutFixture}).
 */
class RolloutHistoryOnFakeClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private RolloutFixture rollout;

    @BeforeEach
    void cluster() throws IOException {
        rollout = new RolloutFixture(directory);
    }

    @Nested
    class History {
        @Test
        void listsEveryRevisionWithTheCommandThatMadeItUnderTheDeploymentsName() throws IOException {
            rollout.apply("v1");
            rollout.apply("v2");

            CliRunner.Result history = rollout.berth("rollout", "history", "deployment/web");

            assertThat(history.exitCode()).as(history.toString()).isZero();
            assertThat(history.out()).isEqualTo("deployment.apps/web\n"
                    + "REVISION  CHANGE-CAUSE\n"
                    + "1         " + rollout.applyCause("v1") + "\n"
                    + "2         " + rollout.applyCause("v2") + "\n"
                    + "\n");
            assertThat(history.err()).isEmpty();
        }

        @Test
        void takesTheChangeCauseAnnotationBeforeTheCommandLine() throws IOException {
            Path annotated = Files.writeString(directory.resolve("annotated.yaml"), RolloutFixture.WEB
                    .replace("TAG", "v1").replace("MIN_READY", "0")
                    .replace("  name: web\nspec:", "  name: web\n  annotations:\n"
                            + "    kubernetes.io/change-cause: first release\nspec:"));
            rollout.berth("apply", "-f", annotated.toString());

            assertThat(rollout.berth("rollout", "history", "deploy/web").out())
                    .isEqualTo("deployment.apps/web\nREVISION  CHANGE-CAUSE\n1         first release\n\n");
        }

        @Test
        void showsOneRevisionsPodTemplateAsKubectlDoesWithTheSecretAsAReference() throws IOException {
            rollout.apply("v1");
            rollout.apply("v2");

            CliRunner.Result revision = rollout.berth("rollout", "history", "deployment", "web", "--revision", "1");

            assertThat(revision.exitCode()).as(revision.toString()).isZero();
            assertThat(revision.out()).isEqualTo("""
                    deployment.apps/web with revision #1
                    Pod Template:
                      Labels:       app=web
                      Annotations:  kubernetes.io/change-cause: CAUSE
                      Containers:
                       web:
                        Image:      registry.example/web:v1
                        Port:       8080/TCP
                        Host Port:  0/TCP
                        Environment:
                          GREETING:    hello
                          TOKEN:       <set to the key 'token' in secret 'web'>  Optional: false
                        Mounts:        <none>
                      Volumes:         <none>
                      Node-Selectors:  <none>

                    """.replace("CAUSE", rollout.applyCause("v1")));
            assertThat(revision.out()).doesNotContain(RolloutFixture.SECRET_VALUE);
        }

        @Test
        void printsTheRevisionsAsReplicaSetsForJsonWithoutAnySecretValue() throws IOException {
            rollout.apply("v1");
            rollout.apply("v2");

            CliRunner.Result json = rollout.berth("rollout", "history", "deployments/web", "-o", "json");

            assertThat(json.exitCode()).as(json.toString()).isZero();
            JsonNode list = JSON.readTree(json.out());
            assertThat(list.path("kind").asText()).isEqualTo("List");
            assertThat(list.path("items")).hasSize(2);
            JsonNode second = list.path("items").get(1);
            assertThat(second.path("kind").asText()).isEqualTo("ReplicaSet");
            assertThat(second.path("metadata").path("annotations").path("deployment.kubernetes.io/revision").asText())
                    .isEqualTo("2");
            assertThat(second.path("metadata").path("annotations").path("kubernetes.io/change-cause").asText())
                    .isEqualTo(rollout.applyCause("v2"));
            assertThat(second.path("spec").path("template").path("spec").path("containers").get(0).path("image")
                    .asText()).isEqualTo("registry.example/web:v2");
            assertThat(json.out()).doesNotContain(RolloutFixture.SECRET_VALUE);
        }

        @Test
        void withTheRevisionOfJsonPrintsThatOneReplicaSetAlone() throws IOException {
            rollout.apply("v1");

            CliRunner.Result json = rollout.berth("rollout", "history", "deployment/web", "--revision=1", "-o", "json");

            assertThat(JSON.readTree(json.out()).path("kind").asText()).isEqualTo("ReplicaSet");
        }

        @Test
        void anUnknownRevisionIsAnErrorThatNamesTheKeptOnes() throws IOException {
            rollout.apply("v1");
            rollout.apply("v2");

            CliRunner.Result missing = rollout.berth("rollout", "history", "deployment/web", "--revision", "7");

            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.out()).isEmpty();
            assertThat(missing.err()).isEqualTo("error: unable to find the specified revision 7 "
                    + "(deployment.apps/web keeps revisions 1, 2)\n");
        }
    }

    @Nested
    class Undo {
        @Test
        void rollsBackToThePreviousRevisionWhichGetsTheNextNumber() throws IOException {
            rollout.apply("v1");
            rollout.apply("v2");

            CliRunner.Result undo = rollout.berth("rollout", "undo", "deployment/web");

            assertThat(undo.exitCode()).as(undo.toString()).isZero();
            assertThat(undo.out()).isEqualTo("deployment.apps/web rolled back\n");
            assertThat(undo.err()).endsWith("rollout undo: 12 steps done on 2 nodes\n");
            assertThat(rollout.storedImage()).isEqualTo("registry.example/web:v1");
            assertThat(rollout.replicas()).hasSize(2).allMatch(replica -> replica.contains("ccb04533b9"));
            assertThat(rollout.berth("rollout", "history", "deployment/web").out()).isEqualTo("deployment.apps/web\n"
                    + "REVISION  CHANGE-CAUSE\n"
                    + "2         " + rollout.applyCause("v2") + "\n"
                    + "3         berth rollout undo deployment/web --to-revision=1\n"
                    + "\n");
        }

        @Test
        void goesToTheRevisionNamedWithToRevision() throws IOException {
            rollout.apply("v1");
            rollout.apply("v2");
            rollout.apply("v3");

            CliRunner.Result undo = rollout.berth("rollout", "undo", "deployment/web", "--to-revision=1");

            assertThat(undo.exitCode()).as(undo.toString()).isZero();
            assertThat(undo.out()).isEqualTo("deployment.apps/web rolled back\n");
            assertThat(rollout.storedImage()).isEqualTo("registry.example/web:v1");
            assertThat(rollout.berth("rollout", "history", "deployment/web").out()).isEqualTo("deployment.apps/web\n"
                    + "REVISION  CHANGE-CAUSE\n"
                    + "2         " + rollout.applyCause("v2") + "\n"
                    + "3         " + rollout.applyCause("v3") + "\n"
                    + "4         berth rollout undo deployment/web --to-revision=1\n"
                    + "\n");
        }

        @Test
        void skipsARevisionTheDeploymentRunsAlreadyAndTouchesNothing() throws IOException {
            rollout.apply("v1");
            rollout.apply("v2");
            rollout.fake().cluster().forgetCalls();

            CliRunner.Result undo = rollout.berth("rollout", "undo", "deployment/web", "--to-revision", "2");

            assertThat(undo.exitCode()).as(undo.toString()).isZero();
            assertThat(undo.out()).isEqualTo(
                    "deployment.apps/web skipped rollback (current template already matches revision 2)\n");
            assertThat(undo.err()).isEmpty();
            assertThat(rollout.dockerCommands()).isEmpty();
        }

        @Test
        void withDryRunPrintsThePlanAndStoresNothing() throws IOException {
            rollout.apply("v1");
            rollout.apply("v2");

            CliRunner.Result undo = rollout.berth("rollout", "undo", "deployment/web", "--dry-run");

            assertThat(undo.exitCode()).as(undo.toString()).isZero();
            assertThat(undo.out()).startsWith("deployment.apps/web rolled back (dry run)\nnode-1:\n")
                    .contains("+ start container default_web-ccb04533b9-");
            assertThat(rollout.storedImage()).isEqualTo("registry.example/web:v2");
        }

        @Test
        void withoutAnEarlierRevisionSaysSoAsKubectl() throws IOException {
            rollout.apply("v1");

            CliRunner.Result undo = rollout.berth("rollout", "undo", "deployment/web");

            assertThat(undo.exitCode()).isEqualTo(2);
            assertThat(undo.err()).isEqualTo("error: no rollout history found for deployment \"web\"\n");
        }

        @Test
        void toARevisionNotKeptIsAnError() throws IOException {
            rollout.apply("v1");
            rollout.apply("v2");

            CliRunner.Result undo = rollout.berth("rollout", "undo", "deployment/web", "--to-revision=9");

            assertThat(undo.exitCode()).isEqualTo(2);
            assertThat(undo.err()).isEqualTo("error: unable to find specified revision 9 in history "
                    + "(deployment.apps/web keeps revisions 1, 2)\n");
            assertThat(rollout.storedImage()).isEqualTo("registry.example/web:v2");
        }
    }

    @Nested
    class Errors {
        @Test
        void aDeploymentTheClusterDoesNotStoreIsExitCodeTwoForEveryVerb() throws IOException {
            rollout.apply("v1");
            for (String verb : List.of("history", "undo", "restart", "pause", "resume", "status")) {
                CliRunner.Result result = rollout.berth("rollout", verb, "deployment/nope");

                assertThat(result.exitCode()).as(verb).isEqualTo(2);
                assertThat(result.err()).as(verb).isEqualTo(
                        "error: deployment.apps/nope not found in the desired state stored on the cluster\n");
            }
        }

        @Test
        void aDeploymentOfAnotherNamespaceIsNamedWithIt() throws IOException {
            rollout.apply("v1");

            CliRunner.Result result = rollout.berth("rollout", "history", "deployment/web", "-n", "shop");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo(
                    "error: deployment.apps/web -n shop not found in the desired state stored on the cluster\n");
        }

        @Test
        void anotherKindOrABadNameFailsBeforeAnyServerIsAsked() {
            CliRunner.Result service = rollout.berth("rollout", "undo", "service/web");
            CliRunner.Result bare = rollout.berth("rollout", "history", "web");

            assertThat(service.exitCode()).isEqualTo(2);
            assertThat(service.err()).isEqualTo("error: rollout undo works on Deployments only, got \"service\"\n");
            assertThat(bare.exitCode()).isEqualTo(2);
            assertThat(bare.err()).isEqualTo("error: name the Deployment as deployment/NAME, got \"web\"\n");
            assertThat(rollout.fake().cluster().calls()).isEmpty();
        }
    }
}
