package dev.berth.exec;

import dev.berth.model.Resource;
import dev.berth.plan.Action;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
        return run(change, options, Set.of());
    }

    /**
     * As {@link #run(UnaryOperator, Options)}, and empties the {@code draining} nodes: their replicas are started
     * elsewhere first, and removed from them only when every replacement could be placed and started.
     */
    public Outcome run(UnaryOperator<StateRecord> change, Options options, Set<String> draining) {
        if (options.dryRun()) {
            StateRecord current = state.read();
            StateRecord next = change.apply(current);
            Planned planned = plan(next, draining);
            return new Outcome(current, next, planned.observed, withEvictions(planned, draining), List.of(),
                    WaitResult.NOT_ASKED);
        }
        try (Lease lease = state.acquire(options.lockWait())) {
            StateRecord current = state.read();
            StateRecord next = change.apply(current);
            Planned planned = plan(next, draining);
            StateRecord stored = DesiredStates.withRevisions(next, planned.desired, planned.plan, clock.instant());
            if (!DesiredStates.sameContent(stored, current)) {
                stored = state.write(stored);
            }
            lease.ensureHeld();
            PlanExecutor executor = new PlanExecutor(access, progress);
            List<StepResult> steps = new ArrayList<>(executor.execute(planned.plan.actions()));
            if (!draining.isEmpty() && planned.plan.pending().isEmpty() && steps.stream().noneMatch(StepResult::failed)) {
                lease.ensureHeld();
                steps.addAll(executor.execute(evictions(planned, draining)));
            }
            WaitResult waited = options.waitReady() && steps.stream().noneMatch(StepResult::failed)
                    ? waitReady(stored, options.timeout(), lease) : WaitResult.NOT_ASKED;
            return new Outcome(current, stored, planned.observed, planned.plan, steps, waited);
        }
    }

    /**
     * Changes the stored record under the lock and converges nothing (cordon, uncordon); returns the record as
     * stored, which is the current one when {@code change} changed nothing.
     */
    public StateRecord update(UnaryOperator<StateRecord> change, Duration lockWait) {
        try (Lease lease = state.acquire(lockWait)) {
            StateRecord current = state.read();
            StateRecord next = change.apply(current);
            lease.ensureHeld();
            return DesiredStates.sameContent(current, next) ? current : state.write(next);
        }
    }

    private Planned plan(StateRecord record, Set<String> draining) {
        List<Resource> objects = DesiredStates.objects(record);
        DesiredState desired = DesiredStates.of(objects);
        List<NodeObservation> observed = new ClusterObserver(access).observe();
        ClusterView view = ClusterViews.of(observed, record.cordoned(), draining);
        return new Planned(desired, observed, planner.plan(desired, view, DesiredStates.revisions(record)));
    }

    private static List<Action> evictions(Planned planned, Set<String> draining) {
        List<Action> evictions = new ArrayList<>();
        planned.observed.stream().filter(o -> o.ready() && draining.contains(o.node().name()))
                .forEach(o -> evictions.addAll(Planner.evictions(ClusterViews.node(o, true))));
        return evictions;
    }

    /** For a dry run: the plan with the evictions of the draining nodes appended. */
    private static Plan withEvictions(Planned planned, Set<String> draining) {
        List<Action> all = new ArrayList<>(planned.plan.actions());
        all.addAll(evictions(planned, draining));
        return new Plan(all, planned.plan.pending(), planned.plan.revisions());
    }

    private WaitResult waitReady(StateRecord record, Duration timeout, Lease lease) {
        Instant deadline = clock.instant().plus(timeout);
        String missing = "";
        while (true) {
            Planned planned = plan(record, Set.of());
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
