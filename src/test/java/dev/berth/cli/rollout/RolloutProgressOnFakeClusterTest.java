package dev.berth.cli.rollout;

import dev.berth.cli.CliRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact output of {@code rollout restart}, {@code pause}, {@code resume} and {@code status}, and what they do to
 * the replicas, against a cluster kept in memory ({@link RolloutFixture}).
 */
class RolloutProgressOnFakeClusterTest {
    @TempDir
    Path directory;

    private RolloutFixture rollout;

    @BeforeEach
    void cluster() throws IOException {
        rollout = new RolloutFixture(directory);
    }

    @Nested
    class Restart {
        @Test
        void makesANewRevisionWithTheSameSpecAndReplacesEveryReplica() throws IOException {
            rollout.apply("v1");

            CliRunner.Result restart = rollout.berth("rollout", "restart", "deployment/web");

            assertThat(restart.exitCode()).as(restart.toString()).isZero();
            assertThat(restart.out()).isEqualTo("deployment.apps/web restarted\n");
            assertThat(rollout.replicas()).noneMatch(replica -> replica.contains("ccb04533b9"));
            assertThat(rollout.storedImage()).isEqualTo("registry.example/web:v1");
            assertThat(rollout.berth("rollout", "history", "deployment/web").out()).isEqualTo("deployment.apps/web\n"
                    + "REVISION  CHANGE-CAUSE\n"
                    + "1         " + rollout.applyCause("v1") + "\n"
                    + "2         berth rollout restart deployment/web\n"
                    + "\n");
            assertThat(rollout.berth("rollout", "history", "deployment/web", "--revision=2").out())
                    .contains("  Annotations:  kubectl.kubernetes.io/restartedAt: 2026-03-02T09:01:00Z\n"
                            + "                kubernetes.io/change-cause: berth rollout restart deployment/web\n");
        }
    }

    @Nested
    class PauseAndResume {
        @Test
        void aPausedDeploymentTakesANewTemplateButStartsNothingUntilResumed() throws IOException {
            rollout.apply("v1");
            List<String> before = rollout.replicas();

            CliRunner.Result pause = rollout.berth("rollout", "pause", "deployment/web");
            CliRunner.Result applied = rollout.berth("apply", "-f", rollout.web("v2").toString());

            assertThat(pause.exitCode()).as(pause.toString()).isZero();
            assertThat(pause.out()).isEqualTo("deployment.apps/web paused\n");
            assertThat(applied.exitCode()).as(applied.toString()).isZero();
            assertThat(applied.out()).isEqualTo("deployment.apps/web configured\nsecret/web unchanged\n");
            assertThat(applied.err()).isEmpty();
            assertThat(rollout.replicas()).isEqualTo(before);

            CliRunner.Result resume = rollout.berth("rollout", "resume", "deployment/web");

            assertThat(resume.exitCode()).as(resume.toString()).isZero();
            assertThat(resume.out()).isEqualTo("deployment.apps/web resumed\n");
            assertThat(rollout.replicas()).hasSize(2).allMatch(replica -> replica.contains("1db0ed5ebe"));
        }

        @Test
        void pausingTwiceOrResumingWhatRunsAreErrorsAsKubectlSays() throws IOException {
            rollout.apply("v1");

            CliRunner.Result resume = rollout.berth("rollout", "resume", "deployment/web");
            rollout.berth("rollout", "pause", "deployment/web");
            CliRunner.Result again = rollout.berth("rollout", "pause", "deployment/web");

            assertThat(resume.exitCode()).isEqualTo(2);
            assertThat(resume.err()).isEqualTo("error: deployments.apps \"web\" is not paused\n");
            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(again.err()).isEqualTo("error: deployments.apps \"web\" is already paused\n");
        }

        @Test
        void aPausedDeploymentIsNeitherRestartedNorRolledBack() throws IOException {
            rollout.apply("v1");
            rollout.apply("v2");
            rollout.berth("rollout", "pause", "deployment/web");

            CliRunner.Result restart = rollout.berth("rollout", "restart", "deployment/web");
            CliRunner.Result undo = rollout.berth("rollout", "undo", "deployment/web");

            assertThat(restart.exitCode()).isEqualTo(2);
            assertThat(restart.err()).isEqualTo("error: deployments.apps \"web\" can't restart paused deployment "
                    + "(run berth rollout resume deployment/web first)\n");
            assertThat(undo.exitCode()).isEqualTo(2);
            assertThat(undo.err()).isEqualTo("error: you cannot rollback a paused deployment; resume it first with "
                    + "'berth rollout resume deployment/web' and try again\n");
        }

        @Test
        void aDryRunPausesNothing() throws IOException {
            rollout.apply("v1");

            CliRunner.Result pause = rollout.berth("rollout", "pause", "deployment/web", "--dry-run");

            assertThat(pause.out()).isEqualTo("deployment.apps/web paused (dry run)\n");
            assertThat(rollout.berth("rollout", "resume", "deployment/web").exitCode()).isEqualTo(2);
        }
    }

    @Nested
    class AfterAFailedRolloutPausedIt {
        /** v2 cannot start on node-1; with --no-auto-rollback the failed rollout is paused half-way. */
        @BeforeEach
        void failV2() throws IOException {
            rollout.apply("v1");
            rollout.fake().cluster().node("node-1").answer(argv -> argv.size() > 2 && argv.get(1).equals("run")
                    && argv.contains("registry.example/web:v2"), 125, "", "docker: manifest unknown.\n");
            CliRunner.Result failed = rollout.berth("apply", "-f", rollout.web("v2").toString(), "--no-auto-rollback");
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
            assertThat(failed.err()).contains("deployment \"default/web\" is paused");
        }

        @Test
        void undoGoesBackAndEndsThePause() throws IOException {
            CliRunner.Result undo = rollout.berth("rollout", "undo", "deployment/web");

            assertThat(undo.exitCode()).as(undo.toString()).isZero();
            assertThat(undo.out()).isEqualTo("deployment.apps/web rolled back\n");
            assertThat(rollout.storedImage()).isEqualTo("registry.example/web:v1");
            assertThat(rollout.berth("rollout", "resume", "deployment/web").err())
                    .isEqualTo("error: deployments.apps \"web\" is not paused\n");
        }

        @Test
        void applyingAFixEndsThePauseAndRollsTheFixOut() throws IOException {
            CliRunner.Result fixed = rollout.berth("apply", "-f", rollout.web("v3").toString());

            assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
            assertThat(rollout.storedImage()).isEqualTo("registry.example/web:v3");
            assertThat(rollout.berth("rollout", "status", "deployment/web").out())
                    .isEqualTo("deployment \"web\" successfully rolled out\n");
        }
    }

    @Nested
    class Status {
        /** v2 needs 10 s before a new replica counts as available, and the apply may wait 3 s: it stops half-way. */
        private void interruptedRollout() throws IOException {
            rollout.apply("v1");
            CliRunner.Result cut = rollout.berth("apply", "-f", rollout.web("v2", 10).toString(), "--timeout", "3s");
            assertThat(cut.exitCode()).as(cut.toString()).isEqualTo(3);
            assertThat(cut.err()).contains("the rollout goes on at the next run (reconcile, or rollout status)");
        }

        @Test
        void saysARolloutThatIsCompleteSuccessfullyRolledOut() throws IOException {
            rollout.apply("v1");

            CliRunner.Result status = rollout.berth("rollout", "status", "deployment/web");

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).isEqualTo("deployment \"web\" successfully rolled out\n");
            assertThat(status.err()).isEmpty();
        }

        @Test
        void drivesAnInterruptedRolloutToItsEndWithProgressOnStderr() throws IOException {
            interruptedRollout();

            CliRunner.Result status = rollout.berth("rollout", "status", "deployment/web");

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).isEqualTo("deployment \"web\" successfully rolled out\n");
            assertThat(status.err()).contains("deployment \"default/web\": an earlier run left the rollout of revision 2 "
                    + "unfinished (1 of 2 replicas updated); carrying it on")
                    .contains("Waiting for deployment \"default/web\" rollout to finish")
                    .endsWith("rollout status: 7 steps done on 2 nodes\n");
            assertThat(rollout.replicas()).hasSize(2).noneMatch(replica -> replica.contains("ccb04533b9"));
        }

        @Test
        void withoutWatchOnlySaysHowFarTheRolloutCame() throws IOException {
            interruptedRollout();
            rollout.fake().cluster().forgetCalls();

            CliRunner.Result status = rollout.berth("rollout", "status", "deployment/web", "--watch=false");

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).isEqualTo("Waiting for deployment \"web\" rollout to finish: "
                    + "1 out of 2 new replicas have been updated...\n");
            assertThat(rollout.dockerCommands()).isEmpty();
        }

        @Test
        void aRolloutStillUnfinishedAtTheTimeoutIsExitCodeThree() throws IOException {
            interruptedRollout();

            CliRunner.Result status = rollout.berth("rollout", "status", "deployment/web", "--timeout", "1s");

            assertThat(status.exitCode()).as(status.toString()).isEqualTo(3);
            assertThat(status.out()).isEmpty();
            assertThat(status.err()).endsWith("error: timed out waiting for replicas: default/web 1/2 updated, "
                    + "2 available\n");
        }

        @Test
        void aPausedRolloutIsExitCodeThreeAndNamesResume() throws IOException {
            rollout.apply("v1");
            rollout.berth("rollout", "pause", "deployment/web");
            rollout.berth("apply", "-f", rollout.web("v2").toString());

            CliRunner.Result status = rollout.berth("rollout", "status", "deployment/web");

            assertThat(status.exitCode()).isEqualTo(3);
            assertThat(status.err()).isEqualTo("error: deployment \"web\" is paused with 0 of 2 replicas updated; "
                    + "berth rollout resume deployment/web carries its rollout on\n");
        }
    }
}
