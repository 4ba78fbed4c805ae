package dev.berth.cli.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import dev.berth.docker.NodeCommands;
import dev.berth.state.InMemoryStateNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact output of the rollout verbs against a cluster kept in memory ({@link FakeClusterCli}: two nodes, a
 * clock that moves only when a run waits). The Deployment has two replicas and no probe, so a new replica is
 * ready as soon as it runs, and a wave ends in the same instant.
 */
class RolloutVerbsOnFakeClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_VALUE = "s3cret-value";
    private static final String WEB = """
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

    @TempDir
    Path directory;

    private FakeClusterCli fake;

    @BeforeEach
    void cluster() {
        fake = newCluster(directory);
    }

    /** The fake cluster, answering the pull that a rollout sends every node before its first wave. */
    static FakeClusterCli newCluster(Path directory) {
        FakeClusterCli fake;
        try {
            fake = new FakeClusterCli(directory);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String node : List.of("node-1", "node-2")) {
            fake.cluster().node(node).answer(argv -> argv.size() == 5
                    && argv.equals(NodeCommands.pullIfMissing(argv.get(4))), 0, "", "");
        }
        return fake;
    }

    private Path web(String tag) throws IOException {
        return web(tag, 0);
    }

    private Path web(String tag, int minReadySeconds) throws IOException {
        return Files.writeString(directory.resolve("web-" + tag + ".yaml"),
                WEB.replace("TAG", tag).replace("MIN_READY", Integer.toString(minReadySeconds)));
    }

    private CliRunner.Result apply(String tag) throws IOException {
        Path file = web(tag);
        CliRunner.Result applied = fake.berth("apply", "-f", file.toString());
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        fake.clock().advance(Duration.ofMinutes(1));
        return applied;
    }

    private String applyCause(String tag) {
        return "berth apply -f " + directory.resolve("web-" + tag + ".yaml");
    }

    /** Every replica on the nodes as {@code node: HASH-SUFFIX}, the hash naming its template. */
    private List<String> replicas() {
        List<String> replicas = new ArrayList<>();
        for (String node : List.of("node-1", "node-2")) {
            fake.cluster().node(node).docker().containerNames().forEach(name -> replicas.add(node + ": "
                    + name.substring(name.lastIndexOf('-') - 10, name.lastIndexOf('_'))));
        }
        return replicas;
    }

    /** The image the stored Deployment's template names, as the cluster's record holds it. */
    private String storedImage() throws IOException {
        JsonNode record = JSON.readTree(fake.cluster().node("node-1").state().record().orElseThrow());
        JsonNode deployment = JSON.readTree(record.path("applied").path("Deployment/default/web").asText());
        return deployment.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText();
    }

    private List<List<String>> dockerCommands() {
        List<List<String>> commands = new ArrayList<>();
        for (String node : List.of("node-1", "node-2")) {
            fake.cluster().commands(node).stream().filter(argv -> !InMemoryStateNode.isStateScript(argv))
                    .filter(argv -> !argv.get(2).startsWith("docker info")).forEach(commands::add);
        }
        return commands;
    }

    @Nested
    class History {
        @Test
        void listsEveryRevisionWithTheCommandThatMadeItUnderTheDeploymentsName() throws IOException {
            apply("v1");
            apply("v2");

            CliRunner.Result history = fake.berth("rollout", "history", "deployment/web");

            assertThat(history.exitCode()).as(history.toString()).isZero();
            assertThat(history.out()).isEqualTo("deployment.apps/web\n"
                    + "REVISION  CHANGE-CAUSE\n"
                    + "1         " + applyCause("v1") + "\n"
                    + "2         " + applyCause("v2") + "\n"
                    + "\n");
            assertThat(history.err()).isEmpty();
        }

        @Test
        void takesTheChangeCauseAnnotationBeforeTheCommandLine() throws IOException {
            Path annotated = Files.writeString(directory.resolve("annotated.yaml"), WEB.replace("TAG", "v1")
                    .replace("MIN_READY", "0")
                    .replace("  name: web\nspec:", "  name: web\n  annotations:\n"
                            + "    kubernetes.io/change-cause: first release\nspec:"));
            fake.berth("apply", "-f", annotated.toString());

            assertThat(fake.berth("rollout", "history", "deploy/web").out())
                    .isEqualTo("deployment.apps/web\nREVISION  CHANGE-CAUSE\n1         first release\n\n");
        }

        @Test
        void showsOneRevisionsPodTemplateAsKubectlDoesWithTheSecretAsAReference() throws IOException {
            apply("v1");
            apply("v2");

            CliRunner.Result revision = fake.berth("rollout", "history", "deployment", "web", "--revision", "1");

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

                    """.replace("CAUSE", applyCause("v1")));
            assertThat(revision.out()).doesNotContain(SECRET_VALUE);
        }

        @Test
        void printsTheRevisionsAsReplicaSetsForJsonWithoutAnySecretValue() throws IOException {
            apply("v1");
            apply("v2");

            CliRunner.Result json = fake.berth("rollout", "history", "deployments/web", "-o", "json");

            assertThat(json.exitCode()).as(json.toString()).isZero();
            JsonNode list = JSON.readTree(json.out());
            assertThat(list.path("kind").asText()).isEqualTo("List");
            assertThat(list.path("items")).hasSize(2);
            JsonNode second = list.path("items").get(1);
            assertThat(second.path("kind").asText()).isEqualTo("ReplicaSet");
            assertThat(second.path("metadata").path("annotations").path("deployment.kubernetes.io/revision").asText())
                    .isEqualTo("2");
            assertThat(second.path("metadata").path("annotations").path("kubernetes.io/change-cause").asText())
                    .isEqualTo(applyCause("v2"));
            assertThat(second.path("spec").path("template").path("spec").path("containers").get(0).path("image")
                    .asText()).isEqualTo("registry.example/web:v2");
            assertThat(json.out()).doesNotContain(SECRET_VALUE);
        }

        @Test
        void withTheRevisionOfJsonPrintsThatOneReplicaSetAlone() throws IOException {
            apply("v1");

            CliRunner.Result json = fake.berth("rollout", "history", "deployment/web", "--revision=1", "-o", "json");

            assertThat(JSON.readTree(json.out()).path("kind").asText()).isEqualTo("ReplicaSet");
        }

        @Test
        void anUnknownRevisionIsAnErrorThatNamesTheKeptOnes() throws IOException {
            apply("v1");
            apply("v2");

            CliRunner.Result missing = fake.berth("rollout", "history", "deployment/web", "--revision", "7");

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
            apply("v1");
            apply("v2");

            CliRunner.Result undo = fake.berth("rollout", "undo", "deployment/web");

            assertThat(undo.exitCode()).as(undo.toString()).isZero();
            assertThat(undo.out()).isEqualTo("deployment.apps/web rolled back\n");
            assertThat(undo.err()).endsWith("rollout undo: 12 steps done on 2 nodes\n");
            assertThat(storedImage()).isEqualTo("registry.example/web:v1");
            assertThat(replicas()).hasSize(2).allMatch(replica -> replica.contains("497c8cc858"));
            assertThat(fake.berth("rollout", "history", "deployment/web").out()).isEqualTo("deployment.apps/web\n"
                    + "REVISION  CHANGE-CAUSE\n"
                    + "2         " + applyCause("v2") + "\n"
                    + "3         berth rollout undo deployment/web --to-revision=1\n"
                    + "\n");
        }

        @Test
        void goesToTheRevisionNamedWithToRevision() throws IOException {
            apply("v1");
            apply("v2");
            apply("v3");

            CliRunner.Result undo = fake.berth("rollout", "undo", "deployment/web", "--to-revision=1");

            assertThat(undo.exitCode()).as(undo.toString()).isZero();
            assertThat(undo.out()).isEqualTo("deployment.apps/web rolled back\n");
            assertThat(storedImage()).isEqualTo("registry.example/web:v1");
            assertThat(fake.berth("rollout", "history", "deployment/web").out()).isEqualTo("deployment.apps/web\n"
                    + "REVISION  CHANGE-CAUSE\n"
                    + "2         " + applyCause("v2") + "\n"
                    + "3         " + applyCause("v3") + "\n"
                    + "4         berth rollout undo deployment/web --to-revision=1\n"
                    + "\n");
        }

        @Test
        void skipsARevisionTheDeploymentRunsAlreadyAndTouchesNothing() throws IOException {
            apply("v1");
            apply("v2");
            fake.cluster().forgetCalls();

            CliRunner.Result undo = fake.berth("rollout", "undo", "deployment/web", "--to-revision", "2");

            assertThat(undo.exitCode()).as(undo.toString()).isZero();
            assertThat(undo.out()).isEqualTo(
                    "deployment.apps/web skipped rollback (current template already matches revision 2)\n");
            assertThat(undo.err()).isEmpty();
            assertThat(dockerCommands()).isEmpty();
        }

        @Test
        void withDryRunPrintsThePlanAndStoresNothing() throws IOException {
            apply("v1");
            apply("v2");

            CliRunner.Result undo = fake.berth("rollout", "undo", "deployment/web", "--dry-run");

            assertThat(undo.exitCode()).as(undo.toString()).isZero();
            assertThat(undo.out()).startsWith("deployment.apps/web rolled back (dry run)\nnode-1:\n")
                    .contains("+ start container default_web-497c8cc858-");
            assertThat(storedImage()).isEqualTo("registry.example/web:v2");
        }

        @Test
        void withoutAnEarlierRevisionSaysSoAsKubectl() throws IOException {
            apply("v1");

            CliRunner.Result undo = fake.berth("rollout", "undo", "deployment/web");

            assertThat(undo.exitCode()).isEqualTo(2);
            assertThat(undo.err()).isEqualTo("error: no rollout history found for deployment \"web\"\n");
        }

        @Test
        void toARevisionNotKeptIsAnError() throws IOException {
            apply("v1");
            apply("v2");

            CliRunner.Result undo = fake.berth("rollout", "undo", "deployment/web", "--to-revision=9");

            assertThat(undo.exitCode()).isEqualTo(2);
            assertThat(undo.err()).isEqualTo("error: unable to find specified revision 9 in history "
                    + "(deployment.apps/web keeps revisions 1, 2)\n");
            assertThat(storedImage()).isEqualTo("registry.example/web:v2");
        }
    }

    @Nested
    class Restart {
        @Test
        void makesANewRevisionWithTheSameSpecAndReplacesEveryReplica() throws IOException {
            apply("v1");

            CliRunner.Result restart = fake.berth("rollout", "restart", "deployment/web");

            assertThat(restart.exitCode()).as(restart.toString()).isZero();
            assertThat(restart.out()).isEqualTo("deployment.apps/web restarted\n");
            assertThat(replicas()).noneMatch(replica -> replica.contains("497c8cc858"));
            assertThat(storedImage()).isEqualTo("registry.example/web:v1");
            assertThat(fake.berth("rollout", "history", "deployment/web").out()).isEqualTo("deployment.apps/web\n"
                    + "REVISION  CHANGE-CAUSE\n"
                    + "1         " + applyCause("v1") + "\n"
                    + "2         berth rollout restart deployment/web\n"
                    + "\n");
            assertThat(fake.berth("rollout", "history", "deployment/web", "--revision=2").out())
                    .contains("  Annotations:  kubectl.kubernetes.io/restartedAt: 2026-03-02T09:01:00Z\n"
                            + "                kubernetes.io/change-cause: berth rollout restart deployment/web\n");
        }
    }

    @Nested
    class PauseAndResume {
        @Test
        void aPausedDeploymentTakesANewTemplateButStartsNothingUntilResumed() throws IOException {
            apply("v1");
            List<String> before = replicas();

            CliRunner.Result pause = fake.berth("rollout", "pause", "deployment/web");
            CliRunner.Result applied = fake.berth("apply", "-f", web("v2").toString());

            assertThat(pause.exitCode()).as(pause.toString()).isZero();
            assertThat(pause.out()).isEqualTo("deployment.apps/web paused\n");
            assertThat(applied.exitCode()).as(applied.toString()).isZero();
            assertThat(applied.out()).isEqualTo("deployment.apps/web configured\n");
            assertThat(applied.err()).isEmpty();
            assertThat(replicas()).isEqualTo(before);

            CliRunner.Result resume = fake.berth("rollout", "resume", "deployment/web");

            assertThat(resume.exitCode()).as(resume.toString()).isZero();
            assertThat(resume.out()).isEqualTo("deployment.apps/web resumed\n");
            assertThat(replicas()).hasSize(2).allMatch(replica -> replica.contains("dffbb9b1c3"));
        }

        @Test
        void pausingTwiceOrResumingWhatRunsAreErrorsAsKubectlSays() throws IOException {
            apply("v1");

            CliRunner.Result resume = fake.berth("rollout", "resume", "deployment/web");
            fake.berth("rollout", "pause", "deployment/web");
            CliRunner.Result again = fake.berth("rollout", "pause", "deployment/web");

            assertThat(resume.exitCode()).isEqualTo(2);
            assertThat(resume.err()).isEqualTo("error: deployments.apps \"web\" is not paused\n");
            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(again.err()).isEqualTo("error: deployments.apps \"web\" is already paused\n");
        }

        @Test
        void aPausedDeploymentIsNeitherRestartedNorRolledBack() throws IOException {
            apply("v1");
            apply("v2");
            fake.berth("rollout", "pause", "deployment/web");

            CliRunner.Result restart = fake.berth("rollout", "restart", "deployment/web");
            CliRunner.Result undo = fake.berth("rollout", "undo", "deployment/web");

            assertThat(restart.exitCode()).isEqualTo(2);
            assertThat(restart.err()).isEqualTo("error: deployments.apps \"web\" can't restart paused deployment "
                    + "(run berth rollout resume deployment/web first)\n");
            assertThat(undo.exitCode()).isEqualTo(2);
            assertThat(undo.err()).isEqualTo("error: you cannot rollback a paused deployment; resume it first with "
                    + "'berth rollout resume deployment/web' and try again\n");
        }

        @Test
        void aDryRunPausesNothing() throws IOException {
            apply("v1");

            CliRunner.Result pause = fake.berth("rollout", "pause", "deployment/web", "--dry-run");

            assertThat(pause.out()).isEqualTo("deployment.apps/web paused (dry run)\n");
            assertThat(fake.berth("rollout", "resume", "deployment/web").exitCode()).isEqualTo(2);
        }
    }

    @Nested
    class AfterAFailedRolloutPausedIt {
        /** v2 cannot start on node-1; with --no-auto-rollback the failed rollout is paused half-way. */
        @BeforeEach
        void failV2() throws IOException {
            apply("v1");
            fake.cluster().node("node-1").answer(argv -> argv.size() > 2 && argv.get(1).equals("run")
                    && argv.contains("registry.example/web:v2"), 125, "", "docker: manifest unknown.\n");
            CliRunner.Result failed = fake.berth("apply", "-f", web("v2").toString(), "--no-auto-rollback");
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
            assertThat(failed.err()).contains("deployment \"default/web\" is paused");
        }

        @Test
        void undoGoesBackAndEndsThePause() throws IOException {
            CliRunner.Result undo = fake.berth("rollout", "undo", "deployment/web");

            assertThat(undo.exitCode()).as(undo.toString()).isZero();
            assertThat(undo.out()).isEqualTo("deployment.apps/web rolled back\n");
            assertThat(storedImage()).isEqualTo("registry.example/web:v1");
            assertThat(fake.berth("rollout", "resume", "deployment/web").err())
                    .isEqualTo("error: deployments.apps \"web\" is not paused\n");
        }

        @Test
        void applyingAFixEndsThePauseAndRollsTheFixOut() throws IOException {
            CliRunner.Result fixed = fake.berth("apply", "-f", web("v3").toString());

            assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
            assertThat(storedImage()).isEqualTo("registry.example/web:v3");
            assertThat(fake.berth("rollout", "status", "deployment/web").out())
                    .isEqualTo("deployment \"web\" successfully rolled out\n");
        }
    }

    @Nested
    class Status {
        /** v2 needs 10 s before a new replica counts as available, and the apply may wait 3 s: it stops half-way. */
        private void interruptedRollout() throws IOException {
            apply("v1");
            CliRunner.Result cut = fake.berth("apply", "-f", web("v2", 10).toString(), "--timeout", "3s");
            assertThat(cut.exitCode()).as(cut.toString()).isEqualTo(3);
            assertThat(cut.err()).contains("the rollout goes on at the next run (reconcile, or rollout status)");
        }

        @Test
        void saysARolloutThatIsCompleteSuccessfullyRolledOut() throws IOException {
            apply("v1");

            CliRunner.Result status = fake.berth("rollout", "status", "deployment/web");

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).isEqualTo("deployment \"web\" successfully rolled out\n");
            assertThat(status.err()).isEmpty();
        }

        @Test
        void drivesAnInterruptedRolloutToItsEndWithProgressOnStderr() throws IOException {
            interruptedRollout();

            CliRunner.Result status = fake.berth("rollout", "status", "deployment/web");

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).isEqualTo("deployment \"web\" successfully rolled out\n");
            assertThat(status.err()).contains("deployment \"default/web\": an earlier run left the rollout of revision 2 "
                    + "unfinished (1 of 2 replicas updated); carrying it on")
                    .contains("Waiting for deployment \"default/web\" rollout to finish")
                    .endsWith("rollout status: 7 steps done on 2 nodes\n");
            assertThat(replicas()).hasSize(2).noneMatch(replica -> replica.contains("497c8cc858"));
        }

        @Test
        void withoutWatchOnlySaysHowFarTheRolloutCame() throws IOException {
            interruptedRollout();
            fake.cluster().forgetCalls();

            CliRunner.Result status = fake.berth("rollout", "status", "deployment/web", "--watch=false");

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).isEqualTo("Waiting for deployment \"web\" rollout to finish: "
                    + "1 out of 2 new replicas have been updated...\n");
            assertThat(dockerCommands()).isEmpty();
        }

        @Test
        void aRolloutStillUnfinishedAtTheTimeoutIsExitCodeThree() throws IOException {
            interruptedRollout();

            CliRunner.Result status = fake.berth("rollout", "status", "deployment/web", "--timeout", "1s");

            assertThat(status.exitCode()).as(status.toString()).isEqualTo(3);
            assertThat(status.out()).isEmpty();
            assertThat(status.err()).endsWith("error: timed out waiting for replicas: default/web 1/2 updated, "
                    + "2 available\n");
        }

        @Test
        void aPausedRolloutIsExitCodeThreeAndNamesResume() throws IOException {
            apply("v1");
            fake.berth("rollout", "pause", "deployment/web");
            fake.berth("apply", "-f", web("v2").toString());

            CliRunner.Result status = fake.berth("rollout", "status", "deployment/web");

            assertThat(status.exitCode()).isEqualTo(3);
            assertThat(status.err()).isEqualTo("error: deployment \"web\" is paused with 0 of 2 replicas updated; "
                    + "berth rollout resume deployment/web carries its rollout on\n");
        }
    }

    @Nested
    class Errors {
        @Test
        void aDeploymentTheClusterDoesNotStoreIsExitCodeTwoForEveryVerb() throws IOException {
            apply("v1");
            for (String verb : List.of("history", "undo", "restart", "pause", "resume", "status")) {
                CliRunner.Result result = fake.berth("rollout", verb, "deployment/nope");

                assertThat(result.exitCode()).as(verb).isEqualTo(2);
                assertThat(result.err()).as(verb)
                        .isEqualTo("error: deployment.apps/nope not found in the desired state stored on the cluster\n");
            }
        }

        @Test
        void aDeploymentOfAnotherNamespaceIsNamedWithIt() throws IOException {
            apply("v1");

            CliRunner.Result result = fake.berth("rollout", "history", "deployment/web", "-n", "shop");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo(
                    "error: deployment.apps/web -n shop not found in the desired state stored on the cluster\n");
        }

        @Test
        void anotherKindOrABadNameFailsBeforeAnyServerIsAsked() {
            CliRunner.Result service = fake.berth("rollout", "undo", "service/web");
            CliRunner.Result bare = fake.berth("rollout", "history", "web");

            assertThat(service.exitCode()).isEqualTo(2);
            assertThat(service.err()).isEqualTo("error: rollout undo works on Deployments only, got \"service\"\n");
            assertThat(bare.exitCode()).isEqualTo(2);
            assertThat(bare.err()).isEqualTo("error: name the Deployment as deployment/NAME, got \"web\"\n");
            assertThat(fake.cluster().calls()).isEmpty();
        }
    }
}
