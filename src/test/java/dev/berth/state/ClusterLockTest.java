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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lease lock on real state nodes: sshd on loopback, the real lock scripts, runs on threads of their own. The
 * nodes' clock stands still unless a test moves it ({@link NodeClock}): leases run out when a test says so, never
 * because the machine is slow.
 */
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
        nodes.clock().set(Instant.now().getEpochSecond());
        nodes.state(CRON, LEASE).release();
    }

    /** The {@code expires} of the lease file on a node, in seconds of the node's clock. */
    static long expiresOn(String node) throws IOException {
        return Files.readAllLines(nodes.directory(node).resolve("lock")).stream()
                .filter(line -> line.startsWith("expires=")).mapToLong(line -> Long.parseLong(line.substring(8)))
                .findFirst().orElseThrow();
    }

    static List<LockStatus.State> states(LockStatus status) {
        return status.nodes().stream().map(LockStatus.NodeLock::state).toList();
    }

    static List<String> tokens(LockStatus status) {
        return status.nodes().stream().map(view -> view.lease() == null ? "" : view.lease().token()).toList();
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
                        start.await(1, TimeUnit.MINUTES);
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
                outcomes.add(run.get(2, TimeUnit.MINUTES));
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
                    .as("the nodes' clock stands still, so the whole lease is left")
                    .matches(".* since \\d\\d:\\d\\d:\\d\\d, lease expires in 1m; wait with --lock-wait 2m "
                            + "or free it with berth lock release");
            assertThat(refusals.get(0).exitCode().code()).isEqualTo(3);
            assertThat(during.holder().orElseThrow().holder()).isEqualTo(winner);
        }

        @Test
        void aRunThatWaitsGetsTheLockOnceTheHolderIsDone() throws Exception {
            Lease held = nodes.state(LAPTOP, LEASE).acquire(Duration.ZERO);
            CountingTransport counting = new CountingTransport(nodes.transport());
            ClusterState waiting = nodes.state(counting, CRON, LEASE);
            CompletableFuture<Lease> waiter = CompletableFuture.supplyAsync(() -> waiting.acquire(Duration.ofMinutes(2)));

            counting.awaitAnswers("berth-lock-acquire", LoopbackStateNodes.NAMES.size());
            assertThat(waiter).as("every state node said the lock is held, and the run waits on").isNotDone();
            held.close();

            try (Lease lease = waiter.get(2, TimeUnit.MINUTES)) {
                assertThat(lease.held()).isTrue();
                assertThat(nodes.state(LAPTOP, LEASE).status().holder().orElseThrow().holder()).isEqualTo(CRON);
            }
        }
    }

    @Nested
    class Leases {
        @Test
        void aRunKilledWithSigkillLeavesALockThatFreesItselfWhenItsLeaseExpires() throws Exception {
            Process holder = nodes.lockHolder(LEASE.toSeconds());
            try {
                String said = new String(holder.getInputStream().readNBytes(5));
                assertThat(said).as("the holder process said").isEqualTo("held\n");
                ClusterState cron = nodes.state(CRON, LEASE);
                LeaseInfo killed = cron.status().holder().orElseThrow();
                assertThat(killed.holder().pid()).isEqualTo(holder.pid());

                assertThat(holder.destroyForcibly().waitFor(1, TimeUnit.MINUTES)).as("killed").isTrue();
                assertThatThrownBy(() -> cron.acquire(Duration.ZERO)).isInstanceOf(LockHeldException.class);

                nodes.clock().advance(LEASE);
                try (Lease taken = cron.acquire(Duration.ZERO)) {
                    LockStatus status = cron.status();
                    assertThat(status.holder().orElseThrow().token()).isEqualTo(taken.token());
                    assertThat(status.holder().orElseThrow().holder()).isEqualTo(CRON);
                    // The lock is what a majority of the state nodes holds (ADR 0005). A takeover needs the old
                    // lease to have run out on a majority only; a node where it had not yet run out when asked keeps
                    // it and shows it Expired afterwards, which no other run can use to get a majority.
                    assertThat(status.nodes()).filteredOn(view -> view.state() == LockStatus.State.HELD
                            && view.lease().token().equals(taken.token())).hasSizeGreaterThanOrEqualTo(status.needed());
                    assertThat(status.nodes()).allSatisfy(view -> assertThat(view.lease().token())
                            .as(view.node() + " holds the new lease or the old one, expired")
                            .isEqualTo(view.state() == LockStatus.State.HELD ? taken.token() : killed.token()));
                }
            } finally {
                holder.destroyForcibly();
            }
        }

        @Test
        void aTakeoverNeedsAMajorityOnlyAndLeavesTheOldLeaseOnTheOthersUntilItRunsOutThere() throws Exception {
            SshTransport transport = nodes.transport();
            long lease = LEASE.toSeconds();
            // a run took the lock and was killed; its last renewal reached node-3 later than the other two
            for (SshTarget node : nodes.targets(Set.of())) {
                long seconds = node.name().equals("node-3") ? lease + 30 : lease;
                CommandResult took = transport.run(node, LockScripts.acquire(nodes.directory(node.name()).toString(),
                        "killed-run", seconds, LAPTOP)).get(1, TimeUnit.MINUTES);
                assertThat(took.stdoutText()).startsWith("acquired ");
            }
            ClusterState cron = nodes.state(CRON, LEASE);
            nodes.clock().advance(LEASE);

            try (Lease taken = cron.acquire(Duration.ZERO)) {
                LockStatus status = cron.status();
                assertThat(states(status)).containsOnly(LockStatus.State.HELD);
                assertThat(tokens(status)).containsExactly(taken.token(), taken.token(), "killed-run");
                assertThat(status.holder().orElseThrow().token()).as("the lease on a majority").isEqualTo(taken.token());
                assertThatThrownBy(() -> nodes.state(LAPTOP, LEASE).acquire(Duration.ZERO))
                        .isInstanceOf(LockHeldException.class).hasMessageStartingWith("cluster is locked by " + CRON);

                nodes.clock().advance(Duration.ofSeconds(30));
                assertThat(states(cron.status())).as("once the old lease ran out on node-3 too")
                        .containsExactly(LockStatus.State.HELD, LockStatus.State.HELD, LockStatus.State.EXPIRED);
            }
            LockStatus after = cron.status();
            assertThat(states(after)).as("a run gives back its own lease only")
                    .containsExactly(LockStatus.State.FREE, LockStatus.State.FREE, LockStatus.State.EXPIRED);
            try (Lease next = nodes.state(LAPTOP, LEASE).acquire(Duration.ZERO)) {
                assertThat(tokens(cron.status())).as("the next run takes the old lease over where it was left")
                        .containsOnly(next.token());
            }
        }

        @Test
        void isRenewedWhileTheRunWorks() throws Exception {
            // a lease of 3s is renewed every second of real time; the nodes' clock moves only when told
            ClusterState laptop = nodes.state(LAPTOP, Duration.ofSeconds(3));
            long acquired = nodes.clock().seconds();
            try (Lease lease = laptop.acquire(Duration.ZERO)) {
                nodes.clock().advance(Duration.ofSeconds(2));
                awaitRenewal(acquired + 2 + 3);
                nodes.clock().advance(Duration.ofSeconds(2));

                assertThat(lease.held()).isTrue();
                assertThatThrownBy(() -> nodes.state(CRON, LEASE).acquire(Duration.ZERO))
                        .isInstanceOf(LockHeldException.class);
            }
            assertThat(laptop.status().nodes()).extracting(LockStatus.NodeLock::state)
                    .containsOnly(LockStatus.State.FREE);
        }

        /** Waits until the lease runs to {@code expires} on every state node: a renewal reached them all. */
        void awaitRenewal(long expires) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!LoopbackStateNodes.NAMES.stream().allMatch(node -> renewedTo(node, expires))) {
                assertThat(System.nanoTime()).as("renewed within a minute").isLessThan(deadline);
                Thread.sleep(50);
            }
        }

        boolean renewedTo(String node, long expires) {
            try {
                return expiresOn(node) >= expires;
            } catch (IOException | RuntimeException beingReplaced) {
                return false;
            }
        }

        @Test
        void isReleasedOnlyWithItsOwnToken() throws Exception {
            ClusterState laptop = nodes.state(LAPTOP, LEASE);
            try (Lease lease = laptop.acquire(Duration.ZERO)) {
                SshTransport transport = nodes.transport();
                for (SshTarget node : nodes.targets(Set.of())) {
                    CommandResult other = transport.run(node, LockScripts.release(
                            nodes.directory(node.name()).toString(), "not-the-token")).get(1, TimeUnit.MINUTES);
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

                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
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
