package dev.berth.state;

import dev.berth.ssh.CommandResult;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.SshTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lease lock on real state nodes: sshd on loopback, the real lock scripts, runs on threads of their own. */
@EnabledIf("dev.berth.ssh.LoopbackSshd#available")
class ClusterLockTest {
    static final Holder LAPTOP = new Holder("deploy@laptop", "berth apply", 4242);
    static final Holder CRON = new Holder("deploy@cron", "berth reconcile", 77);
    static final Duration LEASE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static LoopbackStateNodes nodes;

    @BeforeAll
    static void startNodes() throws Exception {
        nodes = LoopbackStateNodes.start(dir);
    }

    @AfterAll
    static void stopNodes() throws Exception {
        nodes.close();
    }

    @BeforeEach
    void freeLock() throws IOException {
        nodes.state(CRON, LEASE).release();
    }

    @Nested
    class TwoRunsAtOnce {
        @Test
        void exactlyOneHoldsTheLockAndTheOtherIsToldWhoDoes() throws Exception {
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Object>> runs = new ArrayList<>();
            for (Holder holder : List.of(LAPTOP, CRON)) {
                ClusterState state = nodes.state(nodes.transport(), holder, LEASE);
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                        return state.acquire(Duration.ZERO);
                    } catch (LockHeldException e) {
                        return e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (CompletableFuture<Object> run : runs) {
                outcomes.add(run.get(30, TimeUnit.SECONDS));
            }

            List<Lease> leases = outcomes.stream().filter(Lease.class::isInstance).map(Lease.class::cast).toList();
            Holder winner = outcomes.get(0) instanceof Lease ? LAPTOP : CRON;
            LockStatus during = nodes.state(CRON, LEASE).status();
            leases.forEach(Lease::close);
            List<LockHeldException> refusals = outcomes.stream().filter(LockHeldException.class::isInstance)
                    .map(LockHeldException.class::cast).toList();
            assertThat(leases).hasSize(1);
            assertThat(refusals).hasSize(1);
            assertThat(refusals.get(0).getMessage())
                    .startsWith("cluster is locked by " + winner + " since ")
                    .matches(".* since \\d\\d:\\d\\d:\\d\\d, lease expires in (59s|1m); wait with --lock-wait 2m "
                            + "or free it with berth lock release");
            assertThat(refusals.get(0).exitCode().code()).isEqualTo(3);
            assertThat(during.holder().orElseThrow().holder()).isEqualTo(winner);
        }

        @Test
        void aRunThatWaitsGetsTheLockOnceTheHolderIsDone() throws Exception {
            Lease held = nodes.state(LAPTOP, LEASE).acquire(Duration.ZERO);
            ClusterState waiting = nodes.state(nodes.transport(), CRON, LEASE);
            CompletableFuture<Lease> waiter = CompletableFuture.supplyAsync(() -> waiting.acquire(Duration.ofSeconds(20)));

            Thread.sleep(1500);
            assertThat(waiter).isNotDone();
            held.close();

            try (Lease lease = waiter.get(20, TimeUnit.SECONDS)) {
                assertThat(lease.held()).isTrue();
                assertThat(nodes.state(LAPTOP, LEASE).status().holder().orElseThrow().holder()).isEqualTo(CRON);
            }
        }
    }

    @Nested
    class Leases {
        @Test
        void aRunKilledWithSigkillLeavesALockThatFreesItselfWhenItsLeaseExpires() throws Exception {
            // a lease long enough that a loaded machine still asks before it runs out, short enough to wait for
            Process holder = nodes.lockHolder(8);
            try {
                String said = new String(holder.getInputStream().readNBytes(5));
                assertThat(said).as("the holder process said").isEqualTo("held\n");
                ClusterState cron = nodes.state(CRON, LEASE);
                LeaseInfo lease = cron.status().holder().orElseThrow();
                assertThat(lease.holder().pid()).isEqualTo(holder.pid());

                holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                assertThatThrownBy(() -> cron.acquire(Duration.ZERO)).isInstanceOf(LockHeldException.class);

                try (Lease taken = cron.acquire(Duration.ofSeconds(30))) {
                    LockStatus status = cron.status();
                    assertThat(status.holder().orElseThrow().token()).isEqualTo(taken.token());
                    assertThat(status.holder().orElseThrow().holder()).isEqualTo(CRON);
                    assertThat(status.nodes()).extracting(LockStatus.NodeLock::state)
                            .containsOnly(LockStatus.State.HELD);
                }
            } finally {
                holder.destroyForcibly();
            }
        }

        @Test
        void isRenewedWhileTheRunWorks() throws Exception {
            ClusterState laptop = nodes.state(LAPTOP, Duration.ofSeconds(3));
            try (Lease lease = laptop.acquire(Duration.ZERO)) {
                Thread.sleep(4000);

                assertThat(lease.held()).isTrue();
                assertThatThrownBy(() -> nodes.state(CRON, LEASE).acquire(Duration.ZERO))
                        .isInstanceOf(LockHeldException.class);
            }
            assertThat(laptop.status().nodes()).extracting(LockStatus.NodeLock::state)
                    .containsOnly(LockStatus.State.FREE);
        }

        @Test
        void isReleasedOnlyWithItsOwnToken() throws Exception {
            ClusterState laptop = nodes.state(LAPTOP, LEASE);
            try (Lease lease = laptop.acquire(Duration.ZERO)) {
                SshTransport transport = nodes.transport();
                for (SshTarget node : nodes.targets(Set.of())) {
                    CommandResult other = transport.run(node, LockScripts.release(
                            nodes.directory(node.name()).toString(), "not-the-token")).get(10, TimeUnit.SECONDS);
                    assertThat(other.stdoutText()).startsWith("other ");
                }

                assertThat(laptop.status().holder().orElseThrow().token()).isEqualTo(lease.token());
            }
        }

        @Test
        void keepsTheLeaseFilePrivate() throws Exception {
            try (Lease ignored = nodes.state(LAPTOP, LEASE).acquire(Duration.ZERO)) {
                Path lock = nodes.directory("node-1").resolve("lock");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock))).isEqualTo("rw-------");
                assertThat(Files.readAllLines(lock)).hasSize(6).contains("holder=deploy@laptop",
                        "command=berth apply", "pid=4242");
            }
        }
    }

    @Nested
    class StateNodesDown {
        @Test
        void theLockWorksWithOneStateNodeDown() throws Exception {
            try (Lease lease = nodes.state(LAPTOP, LEASE, "node-3").acquire(Duration.ZERO)) {
                LockStatus status = nodes.state(CRON, LEASE, "node-1").status();

                assertThat(status.holder().orElseThrow().token()).isEqualTo(lease.token());
                assertThat(status.nodes()).extracting(LockStatus.NodeLock::state)
                        .containsExactly(LockStatus.State.UNREACHABLE, LockStatus.State.HELD, LockStatus.State.FREE);
            }
        }

        @Test
        void noLockWithoutAMajorityAndTheSilentNodesAreNamed() throws IOException {
            assertThatThrownBy(() -> nodes.state(LAPTOP, LEASE, "node-1", "node-2").acquire(Duration.ofSeconds(10)))
                    .isInstanceOf(StateUnavailableException.class)
                    .hasMessageStartingWith("cannot lock the cluster state: 2 of 3 state nodes failed (2 must answer): "
                            + "node-1 (127.0.0.1:")
                    .hasMessageContaining("; node-2 (127.0.0.1:");
            assertThat(nodes.state(CRON, LEASE).status().nodes()).extracting(LockStatus.NodeLock::state)
                    .as("the node it got was given back").containsOnly(LockStatus.State.FREE);
        }
    }

    @Nested
    class ForcedRelease {
        @Test
        void removesTheLockWhoeverHoldsItAndSaysWhatItRemoved() throws Exception {
            ClusterState laptop = nodes.state(LAPTOP, Duration.ofSeconds(3));
            try (Lease lease = laptop.acquire(Duration.ZERO)) {
                LockStatus released = nodes.state(CRON, LEASE, "node-2").release();

                assertThat(released.nodes()).extracting(LockStatus.NodeLock::state).containsExactly(
                        LockStatus.State.RELEASED, LockStatus.State.UNREACHABLE, LockStatus.State.RELEASED);
                assertThat(released.nodes().get(0).lease().holder()).isEqualTo(LAPTOP);

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (lease.held() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(lease.held()).as("the holder learns it lost the lock at its next renewal").isFalse();
                assertThatThrownBy(lease::ensureHeld).hasMessageStartingWith("this run lost the cluster lock: ");
                try (Lease cron = nodes.state(CRON, LEASE).acquire(Duration.ZERO)) {
                    assertThat(cron.held()).isTrue();
                }
            }
        }
    }
}
