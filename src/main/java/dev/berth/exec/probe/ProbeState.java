package dev.berth.exec.probe;

import dev.berth.model.Probe;

import java.time.Instant;

/**
 * One probe of one container as this run has seen it: its consecutive results and what they add up to.
 * Kubernetes' rules: {@code successThreshold} consecutive passes make it pass, {@code failureThreshold}
 * consecutive failures make it fail, and in between it keeps its verdict. A run comes to a container that may
 * have run for long: its first result counts as a full streak when the container had been running long enough
 * for that many probes ({@code initialDelaySeconds + periodSeconds x threshold}), so that a run that probes once
 * takes one pass as passing and one failure as failing; a container that has just started must earn it.
 *
 * @param attempts  how many times this run probed
 * @param passing   the verdict: ready, alive, started
 * @param failing   failureThreshold consecutive failures (or a first failure of a long-running container)
 * @param probedAt  when this run last probed, for {@code periodSeconds}; null before the first probe
 * @param detail    what the last probe saw
 */
record ProbeState(int attempts, int successes, int failures, boolean passing, boolean failing, Instant probedAt,
                  String detail) {

    static final ProbeState NEVER = new ProbeState(0, 0, 0, false, false, null, null);

    /**
     * The state after one more result.
     *
     * @param seasoned whether a first result may count as a full streak (readiness); liveness and startup, which
     *                 restart a container, count only what this run saw
     */
    ProbeState after(ProbeResult result, Probe probe, Instant at, Instant startedAt, boolean seasoned) {
        boolean first = attempts == 0 && seasoned;
        if (result.passed()) {
            int streak = successes + 1;
            boolean passes = passing || streak >= probe.successThreshold()
                    || first && ranFor(probe, probe.successThreshold(), startedAt, at);
            return new ProbeState(attempts + 1, streak, 0, passes, false, at, result.detail());
        }
        int streak = failures + 1;
        boolean fails = failing || streak >= probe.failureThreshold()
                || first && ranFor(probe, probe.failureThreshold(), startedAt, at);
        return new ProbeState(attempts + 1, 0, streak, passing && !fails, fails, at, result.detail());
    }

    /** Whether the probe is due again: never probed in this run, or {@code periodSeconds} since the last time. */
    boolean due(Probe probe, Instant now) {
        return probedAt == null || !now.isBefore(probedAt.plusSeconds(probe.periodSeconds()));
    }

    /** Whether a container started at {@code startedAt} would have been probed {@code times} times by {@code at}. */
    static boolean ranFor(Probe probe, int times, Instant startedAt, Instant at) {
        return startedAt != null && !at.isBefore(startedAt.plusSeconds(
                probe.initialDelaySeconds() + (long) probe.periodSeconds() * times));
    }
}
