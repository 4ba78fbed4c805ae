package dev.berth.exec;

import dev.berth.plan.Action;
import dev.berth.plan.Revision;
import dev.berth.plan.RolloutProgress;
import dev.berth.state.Lease;
import dev.berth.state.StateRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Carries a converging run's rollouts to their end, with no agent on the servers: observe (with probes), plan
 * the next wave, carry it out, and again, until every rollout is complete, one fails, or the run's time is up.
 * A failed rollout is rolled back on every node, by the same wave rules, to the revision before it, or paused
 * ({@link RollbackOrPause}); a rollback is carried to its end even past the run's {@code --timeout}, so that a
 * run never leaves the fleet split by its own rollback. Restarts containers whose liveness probe failed. Each
 * observation's progress is noted before its wave is carried out, in kubectl's words ({@link RolloutNotes}).
 */
final class RolloutDriver {
    /** How long to wait between observations when a wave has nothing to do but wait for readiness. */
    static final Duration POLL = Duration.ofSeconds(2);

    /** Observes the cluster (with probes) and plans from the record. */
    interface Planning {
        Planned plan(StateRecord record);
    }

    /** Stores the record as planned: with the revisions the plan assigned. */
    interface Storing {
        StateRecord store(StateRecord record, Planned planned);
    }

    /**
     * What a run's rollouts came to.
     *
     * @param record     the record as the run left it stored
     * @param last       the last observation and its plan
     * @param waitingFor where the rollouts stood when the run stopped waiting ({@code timedOut})
     */
    record Result(StateRecord record, Planned last, List<StepResult> steps, List<RolloutFailure> failures,
                  boolean timedOut, String waitingFor) {
    }

    private final ClusterAccess access;
    private final Planning planning;
    private final Storing storing;
    private final Clock clock;
    private final Pause pause;
    private final PlanExecutor executor;
    private final RunNotes notes;
    private final RolloutWatch watch;
    private final Map<String, String> lastNotes = new HashMap<>();
    private String lastDrainNote = "";

    /** @param before the newest revision of each Deployment stored when the run began, before its change */
    RolloutDriver(ClusterAccess access, Planning planning, Storing storing, Clock clock, Pause pause,
                  PlanExecutor executor, RunNotes notes, Map<String, Revision> before) {
        this.watch = new RolloutWatch(before);
        this.access = access;
        this.planning = planning;
        this.storing = storing;
        this.clock = clock;
        this.pause = pause;
        this.executor = executor;
        this.notes = notes;
    }

    /**
     * Notes how far the rollouts of {@code planned} have come, each line once while it says the same; called
     * before its steps are carried out.
     */
    void observed(Planned planned, RollbackOrPause response) {
        RolloutWatch.Looked looked = watch.look(planned, clock.instant());
        looked.unfinished().forEach(progress -> notes.accept(RolloutNotes.unfinished(progress)));
        for (RolloutProgress progress : looked.moved()) {
            String line = RolloutNotes.waiting(progress);
            if (!line.equals(lastNotes.put(progress.deployment(), line))) {
                notes.progress(progress.deployment(), line);
            }
        }
        for (String deployment : looked.completed()) {
            lastNotes.remove(deployment);
            notes.finished(deployment, RolloutNotes.completed(deployment, response.rolledBackTo().get(deployment)));
        }
    }

    /**
     * Drives on from {@code first}, planned from {@code record} and {@link #observed} already, whose actions ran
     * as {@code firstSteps}.
     *
     * @param deadline  when the run gives up waiting ({@code --timeout}); the rollouts go on at the next run
     * @param response  what becomes of a failed rollout
     * @param waitReady whether to wait, beyond rollouts, until every replica is ready ({@code --wait})
     */
    Result drive(StateRecord record, Planned first, List<StepResult> firstSteps, Lease lease, Instant deadline,
                 RollbackOrPause response, boolean waitReady) {
        return drive(record, first, firstSteps, lease, deadline, response, waitReady, Set.of());
    }

    /**
     * As {@link #drive(StateRecord, Planned, List, Lease, Instant, RollbackOrPause, boolean)}, and on until the
     * {@code draining} nodes are empty (but for replicas whose replacement has nowhere to go).
     */
    Result drive(StateRecord record, Planned first, List<StepResult> firstSteps, Lease lease, Instant deadline,
                 RollbackOrPause response, boolean waitReady, Set<String> draining) {
        StateRecord current = record;
        Planned planned = first;
        List<StepResult> last = firstSteps;
        List<StepResult> steps = new ArrayList<>(firstSteps);
        List<RolloutFailure> failures = new ArrayList<>();
        while (true) {
            Map<String, RolloutFailure> failed = watch.failures(planned, last, clock.instant());
            boolean responded = false;
            for (RolloutFailure failure : failed.values()) {
                RolloutFailure reported = failure.withLogs(LastLogLines.of(access, Planned.pods(planned), failure));
                failures.add(reported);
                Optional<StateRecord> next = response.respond(current, reported, clock.instant());
                if (next.isPresent()) {
                    current = next.get();
                    responded = true;
                    watch.changedByRun(failure.deployment());
                } else {
                    watch.giveUp(failure.deployment());
                }
            }
            if (!responded) {
                List<RolloutProgress> driving = watch.driving(planned.plan());
                String missing = waitReady
                        ? Readiness.missing(planned.desired(), planned.observed(), planned.plan()) : "";
                String drainLeft = planned.leftOn(draining);
                if (!drainLeft.isEmpty() && !drainLeft.equals(lastDrainNote)) {
                    notes.accept(drainLeft);
                }
                lastDrainNote = drainLeft;
                missing = missing.isEmpty() ? drainLeft : drainLeft.isEmpty() ? missing : missing + "; " + drainLeft;
                boolean failedStep = last.stream().anyMatch(StepResult::failed);
                if (failedStep || driving.isEmpty() && missing.isEmpty()) {
                    return new Result(current, planned, steps, failures, false, "");
                }
                boolean rollingBack = driving.stream()
                        .anyMatch(progress -> response.rolledBackTo().containsKey(progress.deployment()));
                if (!rollingBack && !clock.instant().isBefore(deadline)) {
                    String waitingFor = driving.isEmpty() ? missing : RolloutNotes.standing(driving);
                    return new Result(current, planned, steps, failures, true, waitingFor);
                }
                if (last.isEmpty()) {
                    sleep();
                }
            }
            lease.ensureHeld();
            planned = planning.plan(current);
            if (responded) {
                current = storing.store(current, planned);
            }
            observed(planned, response);
            List<Action> actions = planned.steps();
            last = actions.isEmpty() ? List.of() : executor.execute(actions);
            steps.addAll(last);
        }
    }

    private void sleep() {
        try {
            pause.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a rollout", e);
        }
    }
}
