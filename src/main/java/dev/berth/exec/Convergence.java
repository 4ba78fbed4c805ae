package dev.berth.exec;

import dev.berth.model.Resource;
import dev.berth.plan.ClusterView;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Plan;
import dev.berth.plan.Planner;
import dev.berth.state.ClusterState;
import dev.berth.state.Lease;
import dev.berth.state.StateRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One converging run: take the lock, change the stored desired state, observe every node, plan, store the
 * new record (before acting, so that a run killed half-way is finished by the next {@code reconcile}), carry
 * out the plan, and optionally wait until every replica is ready.
 */
public final class Convergence {
    private static final Duration POLL = Duration.ofSeconds(2);

    private final ClusterAccess access;
    private final ClusterState state;
    private final Planner planner;
    private final Clock clock;
    private final Consumer<StepResult> progress;

    public Convergence(ClusterAccess access, ClusterState state, Planner planner, Clock clock,
                       Consumer<StepResult> progress) {
        this.access = access;
        this.state = state;
        this.planner = planner;
        this.clock = clock;
        this.progress = progress;
    }

    /** How a run behaves. */
    public record Options(boolean dryRun, Duration lockWait, boolean waitReady, Duration timeout) {
    }

    /** What a run found and did. */
    public record Outcome(StateRecord before, StateRecord after, List<NodeObservation> observed, Plan plan,
                          List<StepResult> steps, WaitResult waited) {

        public boolean failed() {
            return steps.stream().anyMatch(StepResult::failed);
        }
    }

    /** Whether waiting ended with every replica ready, and what was still missing if not. */
    public record WaitResult(boolean asked, boolean ready, String missing) {
        static final WaitResult NOT_ASKED = new WaitResult(false, true, "");
    }

    /**
     * Runs {@code change} against the stored record and converges the cluster to the result. With
     * {@code dryRun} nothing is locked, stored or done: the outcome holds the plan only.
     */
    public Outcome run(UnaryOperator<StateRecord> change, Options options) {
        if (options.dryRun()) {
            StateRecord current = state.read();
            StateRecord next = change.apply(current);
            Planned planned = plan(next);
            return new Outcome(current, next, planned.observed, planned.plan, List.of(), WaitResult.NOT_ASKED);
        }
        try (Lease lease = state.acquire(options.lockWait())) {
            StateRecord current = state.read();
            StateRecord next = change.apply(current);
            Planned planned = plan(next);
            StateRecord stored = DesiredStates.withRevisions(next, planned.desired, planned.plan, clock.instant());
            if (!DesiredStates.sameContent(stored, current)) {
                stored = state.write(stored);
            }
            lease.ensureHeld();
            List<StepResult> steps = new PlanExecutor(access, progress).execute(planned.plan.actions());
            WaitResult waited = options.waitReady() && steps.stream().noneMatch(StepResult::failed)
                    ? waitReady(stored, options.timeout(), lease) : WaitResult.NOT_ASKED;
            return new Outcome(current, stored, planned.observed, planned.plan, steps, waited);
        }
    }

    private Planned plan(StateRecord record) {
        List<Resource> objects = DesiredStates.objects(record);
        DesiredState desired = DesiredStates.of(objects);
        List<NodeObservation> observed = new ClusterObserver(access).observe();
        ClusterView view = ClusterViews.of(observed, record.cordoned());
        return new Planned(desired, observed, planner.plan(desired, view, DesiredStates.revisions(record)));
    }

    private WaitResult waitReady(StateRecord record, Duration timeout, Lease lease) {
        Instant deadline = clock.instant().plus(timeout);
        String missing = "";
        while (true) {
            Planned planned = plan(record);
            missing = Readiness.missing(planned.desired, planned.observed, planned.plan);
            if (missing.isEmpty()) {
                return new WaitResult(true, true, "");
            }
            if (!clock.instant().plus(POLL).isBefore(deadline)) {
                return new WaitResult(true, false, missing);
            }
            lease.ensureHeld();
            sleep(POLL);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for replicas", e);
        }
    }

    private record Planned(DesiredState desired, List<NodeObservation> observed, Plan plan) {
    }
}
