package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs that meet on the real lab: concurrent applies from two processes, a run killed with SIGKILL half-way,
 * and a machine with no berth files of its own. The cluster is the database: its lock and its stored state
 * are the same for all of them.
 */
@LabTest
class LockingIT {
    private static final String NAMESPACE = "it-locking";
    private static final Duration RUN = Duration.ofMinutes(3);

    private LabCluster cluster;
    private Path scratch;

    @BeforeEach
    void setUp(Lab lab, @TempDir Path scratch) {
        this.cluster = new LabCluster(lab, scratch);
        this.scratch = scratch;
    }

    @AfterEach
    void forget() {
        cluster.forget(NAMESPACE, "contended", "queued", "interrupted", "shared", "huge");
    }

    @Test
    void ofTwoConcurrentAppliesExactlyOneChangesTheClusterAndTheOtherNamesTheHolder() throws Exception {
        Path two = cluster.manifest("two.yaml", LabCluster.deployment(NAMESPACE, "contended", 2));
        Path four = cluster.manifest("four.yaml", LabCluster.deployment(NAMESPACE, "contended", 4));

        int twoExit;
        int fourExit;
        String loserErr;
        try (BerthProcess a = process("apply", "-f", two.toString(), "--wait", "--timeout", "2m");
             BerthProcess b = process("apply", "-f", four.toString(), "--wait", "--timeout", "2m")) {
            twoExit = a.waitFor(RUN);
            fourExit = b.waitFor(RUN);
            assertThat(List.of(twoExit, fourExit)).as("%s\n%s", a, b).containsExactlyInAnyOrder(0, 3);
            BerthProcess loser = twoExit == 3 ? a : b;
            BerthProcess winner = twoExit == 3 ? b : a;
            loserErr = loser.err();
            assertThat(loserErr).contains("error: cluster is locked by ")
                    .contains("(berth apply, pid " + winner.pid() + ") since ");
            assertThat(loser.out()).isEmpty();
        }

        int winnerReplicas = twoExit == 0 ? 2 : 4;
        Path winnerFile = twoExit == 0 ? two : four;
        Path loserFile = twoExit == 0 ? four : two;
        assertThat(cluster.total(NAMESPACE, "contended")).isEqualTo(winnerReplicas);
        assertThat(cluster.berth("diff", "-f", winnerFile.toString()).exitCode()).isZero();
        assertThat(cluster.berth("diff", "-f", loserFile.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void twoConcurrentAppliesWithLockWaitTakeTurnsAndTheLastStoredWins() throws Exception {
        Path two = cluster.manifest("two.yaml", LabCluster.deployment(NAMESPACE, "queued", 2));
        Path four = cluster.manifest("four.yaml", LabCluster.deployment(NAMESPACE, "queued", 4));

        try (BerthProcess a = process("apply", "-f", two.toString(), "--lock-wait", "2m");
             BerthProcess b = process("apply", "-f", four.toString(), "--lock-wait", "2m")) {
            assertThat(a.waitFor(RUN)).as(a.toString()).isZero();
            assertThat(b.waitFor(RUN)).as(b.toString()).isZero();
        }

        int inSync2 = cluster.berth("diff", "-f", two.toString()).exitCode();
        int inSync4 = cluster.berth("diff", "-f", four.toString()).exitCode();
        assertThat(List.of(inSync2, inSync4)).as("exactly one file is the stored state")
                .containsExactlyInAnyOrder(0, 1);
        assertThat(cluster.total(NAMESPACE, "queued")).isEqualTo(inSync2 == 0 ? 2 : 4);
    }

    @Test
    void aRunKilledAfterStoringIsFinishedByTheNextReconcileOnceItsLockIsFreed() throws Exception {
        Path file = cluster.manifest("interrupted.yaml", LabCluster.deployment(NAMESPACE, "interrupted", 6));
        long killed;
        try (BerthProcess apply = process("apply", "-f", file.toString())) {
            assertThat(apply.awaitErrLine(line -> line.contains(": start container "), RUN))
                    .as(apply.toString()).isTrue();
            apply.kill();
            killed = apply.pid();
        }

        CliRunner.Result status = cluster.succeed("lock", "status", "-o", "wide");
        assertThat(status.out()).as("the killed run's lease is left").contains("berth apply").contains(" " + killed);
        CliRunner.Result release = cluster.succeed("lock", "release");
        assertThat(release.err()).contains("released the lock of ").contains("pid " + killed + ")");

        CliRunner.Result reconcile = cluster.succeed("reconcile");
        assertThat(cluster.total(NAMESPACE, "interrupted")).as(reconcile.toString()).isEqualTo(6);
        assertThat(cluster.berth("diff", "-f", file.toString()).exitCode()).isZero();
        List<String> states = cluster.nodes().stream().flatMap(node -> cluster.lab().ssh(node,
                "docker ps -a --format '{{.State}}' --filter label=berth.dev/deployment=interrupted")
                .output().lines()).toList();
        assertThat(states).as("no container left behind created but never started")
                .containsExactly("running", "running", "running", "running", "running", "running");
    }

    @Test
    void aMachineWithoutBerthFilesSeesTheSameStoredStateAndTheSameLock() throws Exception {
        Path file = cluster.manifest("shared.yaml", LabCluster.deployment(NAMESPACE, "shared", 2));
        cluster.succeed("apply", "-f", file.toString());
        Path freshHome = Files.createDirectories(scratch.resolve("fresh-home"));
        Path huge = cluster.manifest("huge.yaml", LabCluster.deployment(NAMESPACE, "huge", 1)
                .replace("memory: 16Mi", "memory: 1000Gi"));

        assertThat(fresh(freshHome, "diff", "-f", file.toString()).exitCode()).isZero();

        try (BerthProcess holder = process("apply", "-f", huge.toString(), "--wait", "--timeout", "2m")) {
            CliRunner.Result status = awaitLockHeld(freshHome, holder.pid());
            assertThat(status.out()).contains("berth apply");

            CliRunner.Result refused = fresh(freshHome, "apply", "-f", file.toString());
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
            assertThat(refused.err()).startsWith("error: cluster is locked by ")
                    .contains("(berth apply, pid " + holder.pid() + ") since ");
        } finally {
            cluster.succeed("lock", "release");
        }
    }

    /** berth in-process with empty config and data directories and home: nothing but the inventory. */
    private CliRunner.Result fresh(Path home, String... args) {
        return new CliRunner()
                .env("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"))
                .env("XDG_CONFIG_HOME", home.resolve(".config").toString())
                .env("XDG_DATA_HOME", home.resolve(".local/share").toString())
                .home(home)
                .run(LabCluster.withCluster(cluster.lab().inventory(), args));
    }

    private CliRunner.Result awaitLockHeld(Path home, long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        CliRunner.Result status;
        do {
            Thread.sleep(500);
            status = fresh(home, "lock", "status", "-o", "wide");
        } while (!(status.out().contains(" Held ") && status.out().contains(" " + pid))
                && System.nanoTime() < deadline);
        assertThat(status.out()).as(status.toString()).contains(" " + pid);
        return status;
    }

    private BerthProcess process(String... args) throws Exception {
        Path home = Files.createTempDirectory(scratch, "home");
        return BerthProcess.start(home, LabCluster.withCluster(cluster.lab().inventory(), args));
    }
}
