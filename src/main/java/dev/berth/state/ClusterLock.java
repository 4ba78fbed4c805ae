package dev.berth.state;

import dev.berth.error.ClusterException;
import dev.berth.ssh.NodeResult;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The lease lock on a majority of the state nodes. */
final class ClusterLock {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long RETRY_MILLIS = 1000;

    private final StateNodeCalls calls;
    private final StateSettings settings;
    private final Holder holder;
    private final ZoneId zone;

    ClusterLock(StateNodeCalls calls, StateSettings settings, Holder holder, ZoneId zone) {
        this.calls = calls;
        this.settings = settings;
        this.holder = holder;
        this.zone = zone;
    }

    /**
     * Takes the lock on a majority, trying again for up to {@code wait} while another run holds it.
     *
     * @throws LockHeldException         when another run still holds it after {@code wait}
     * @throws StateUnavailableException when too few state nodes answer
     */
    Lease acquire(Duration wait) {
        String token = HexFormat.of().formatHex(randomBytes());
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<NodeResult<LeaseAnswer>> answers = calls.run(node -> LockScripts.acquire(
                    settings.directory().apply(node), token, settings.lease().toSeconds(), holder),
                    "take the lock", ClusterLock::answer);
            LockTally.Outcome outcome = LockTally.count(answers);
            if (outcome instanceof LockTally.Won) {
                return new Lease(this, token, settings.heartbeat().toMillis());
            }
            if (!ours(outcome).isEmpty()) {
                release(token);
            }
            if (outcome instanceof LockTally.Unreachable unreachable) {
                throw StateUnavailableException.of("lock", unreachable.failures(), unreachable.stateNodes(),
                        unreachable.needed());
            }
            LockTally.Held held = (LockTally.Held) outcome;
            long pause = RETRY_MILLIS + ThreadLocalRandom.current().nextLong(RETRY_MILLIS / 2);
            if (System.nanoTime() + pause * 1_000_000 > deadline) {
                throw new LockHeldException(held.lease(), held.nodeNow(), zone);
            }
            sleep(pause);
        }
    }

    /** Extends the lease; fails unless a majority still holds it for {@code token}. */
    void renew(String token) {
        List<NodeResult<LeaseAnswer>> answers = calls.run(node -> LockScripts.renew(settings.directory().apply(node),
                token, settings.lease().toSeconds()), "renew the lock", ClusterLock::answer);
        long renewed = answers.stream()
                .filter(answer -> answer instanceof NodeResult.Ok<LeaseAnswer> ok && ok.value().verdict().equals("renewed"))
                .count();
        if (renewed < Quorum.majority(answers.size())) {
            throw new ClusterException("renewed on " + renewed + " of " + answers.size() + " state nodes, "
                    + Quorum.majority(answers.size()) + " needed");
        }
    }

    /** Gives back the lease held with {@code token}, or every lease when {@code token} is empty. */
    List<NodeResult<LeaseAnswer>> release(String token) {
        return calls.run(node -> LockScripts.release(settings.directory().apply(node), token), "release the lock",
                ClusterLock::answer);
    }

    List<NodeResult<LeaseAnswer>> status() {
        return calls.run(node -> LockScripts.status(settings.directory().apply(node)), "read the lock",
                ClusterLock::answer);
    }

    private static List<String> ours(LockTally.Outcome outcome) {
        if (outcome instanceof LockTally.Won won) {
            return won.nodes();
        }
        if (outcome instanceof LockTally.Held held) {
            return held.ours();
        }
        return ((LockTally.Unreachable) outcome).ours();
    }

    private static LeaseAnswer answer(byte[] stdout) {
        return LeaseAnswer.parse(new String(stdout, StandardCharsets.UTF_8));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for the cluster lock");
        }
    }
}
