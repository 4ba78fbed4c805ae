package dev.berth.exec;

import dev.berth.error.BerthException;
import dev.berth.exec.probe.ProbeRunner;
import dev.berth.model.Resource;
import dev.berth.plan.Action;
import dev.berth.plan.ClusterView;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Plan;
import dev.berth.plan.Planner;
import dev.berth.plan.Scope;
import dev.berth.state.ClusterEvent;
import dev.berth.state.ClusterState;
import dev.berth.state.Lease;
import dev.berth.state.StateRecord;
import dev.berth.state.StoredDeployments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One converging run: take the lock, change the stored desired state, observe every node, plan, store the
 * new record (before acting, so that a run killed half-way is finished by the next {@code reconcile}), carry
 * out the plan, and optionally wait until every replica is ready.
 */
public final class Convergence {
    private final ClusterAccess access;
    private final ClusterState state;
    private final Planner planner;
    private final Clock clock;
    private final Consumer<StepResult> progress;
    private final RunNotes notes;
    private final Pause pause;
    private final String changeCause;

    public Convergence(ClusterAccess access, ClusterState state, Planner planner, Clock clock,
                       Consumer<StepResult> progress) {
        this(access, state, planner, clock, progress, RunNotes.NONE, Pause.SLEEP, null);
    }

    /**
     * @param notes       what a person follows a rollout by: where its waves stand, failures and rollbacks
     * @param pause       how the run waits between observations
     * @param changeCause the change cause of the revisions this run makes, when a Deployment's annotation gives
     *                    none: the command line, e.g. {@code berth apply -f web.yaml}; {@code null} for none
     */
    public Convergence(ClusterAccess access, ClusterState state, Planner planner, Clock clock,
                       Consumer<StepResult> progress, RunNotes notes, Pause pause, String changeCause) {
        this.access = access;
        this.state = state;
        this.planner = planner;
        this.clock = clock;
        this.progress = progress;
        this.notes = notes;
        this.pause = pause;
        this.changeCause = changeCause;
    }

    /**
     * How a run behaves.
     *
     * @param timeout      how long the run waits for rollouts and, with {@code waitReady}, for readiness; zero or
     *                     null waits as long as the rollouts' progress deadlines allow
     * @param autoRollback a failed rollout is rolled back (else paused)
     * @param scope        the Deployments the run is about (a Deployment the run's change stores anew, changes or
     *                     removes is always in it), or the whole cluster
     */
    public record Options(boolean dryRun, Duration lockWait, boolean waitReady, Duration timeout,
                          boolean autoRollback, Scope scope) {
        public Options(boolean dryRun, Duration lockWait, boolean waitReady, Duration timeout) {
            this(dryRun, lockWait, waitReady, timeout, true, Scope.CLUSTER);
        }

        /** These options for a run about {@code scope}. */
        public Options within(Scope scope) {
            return new Options(dryRun, lockWait, waitReady, timeout, autoRollback, scope);
        }
    }

    /**
     * What a run found and did.
     *
     * @param after        the record as the run's change stored it (a failed rollout's rollback is not in it:
     *                     the objects the change configured are what the run reports)
     * @param failures     the rollouts that failed, and why
     * @param rolledBackTo the revision each rolled-back Deployment went back to
     * @param paused       the Deployments paused because their rollout failed ({@code --no-auto-rollback})
     */
    public record Outcome(StateRecord before, StateRecord after, List<NodeObservation> observed, Plan plan,
                          List<StepResult> steps, WaitResult waited, List<RolloutFailure> failures,
                          Map<String, Long> rolledBackTo, Set<String> paused) {

        public Outcome(StateRecord before, StateRecord after, List<NodeObservation> observed, Plan plan,
                       List<StepResult> steps, WaitResult waited) {
            this(before, after, observed, plan, steps, waited, List.of(), Map.of(), Set.of());
        }

        public boolean failed() {
            return steps.stream().anyMatch(StepResult::failed) || !failures.isEmpty();
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
     * elsewhere first, and each leaves its node (first the proxies' upstreams, then the node) once replacements
     * are available. The run waits for that up to its timeout, else up to the longest
     * {@code progressDeadlineSeconds} of the Deployments; a replica whose replacement has nowhere to go stays.
     */
    public Outcome run(UnaryOperator<StateRecord> change, Options options, Set<String> draining) {
        if (options.dryRun()) {
            ProbeRunner probes = new ProbeRunner(access, clock);
            StateRecord current = state.read();
            StateRecord next = change.apply(current.settled());
            Planned planned = plan(next, draining, probes, scope(options, current, next));
            return new Outcome(current, next, planned.observed(), withEvictions(planned, draining), List.of(),
                    WaitResult.NOT_ASKED);
        }
        try (Lease lease = state.acquire(options.lockWait())) {
            return converge(lease, change, options, draining);
        }
    }

    /** Takes the cluster's lock, waiting up to {@code lockWait}, for a run of several convergences. */
    public Lease lock(Duration lockWait) {
        return state.acquire(lockWait);
    }

    /**
     * As {@link #run(UnaryOperator, Options, Set)}, under a {@code lease} the caller took with {@link #lock} and
     * keeps. A claim the stored record shows moving is settled first, where its data was: only the run holding
     * the lock moves data, so a move this run's {@code change} does not mark again is one a killed run left.
     */
    public Outcome converge(Lease lease, UnaryOperator<StateRecord> change, Options options, Set<String> draining) {
        ProbeRunner probes = new ProbeRunner(access, clock);
        StateRecord current = state.read();
        StateRecord next = change.apply(current.settled());
        Scope scope = scope(options, current, next);
        Planned planned = plan(next, draining, probes, scope);
        lease.ensureHeld();
        StateRecord stored = store(current, next, planned, changeCause);
        Instant deadline = options.timeout() != null && !options.timeout().isZero()
                ? clock.instant().plus(options.timeout())
                : draining.isEmpty() ? Instant.MAX : clock.instant().plus(longestProgressDeadline(planned));
        PlanExecutor executor = new PlanExecutor(access, progress, pause, PlanExecutor.DRAIN);
        StateRecord[] latest = {stored};
        RolloutDriver driver = new RolloutDriver(access, record -> plan(record, draining, probes, scope),
                (record, again) -> latest[0] = store(latest[0], record, again, null), clock, pause, executor, notes,
                DesiredStates.revisions(current));
        RollbackOrPause response = new RollbackOrPause(options.autoRollback(), notes);
        driver.observed(planned, response);
        lease.ensureHeld();
        List<StepResult> steps = new ArrayList<>(executor.execute(planned.steps()));
        RolloutDriver.Result driven = driver.drive(stored, planned, steps, lease, deadline, response,
                options.waitReady(), draining);
        WaitResult waited = driven.timedOut() ? new WaitResult(true, false, driven.waitingFor())
                : !options.waitReady() ? WaitResult.NOT_ASKED
                : new WaitResult(true, driven.failures().isEmpty()
                        && driven.steps().stream().noneMatch(StepResult::failed), "");
        if (driven.timedOut() && !options.waitReady()) {
            notes.accept("the rollout goes on at the next run (reconcile, or rollout status): "
                    + driven.waitingFor());
        }
        Outcome outcome = new Outcome(current, stored, driven.last().observed(), driven.last().plan(),
                driven.steps(), waited, driven.failures(), response.rolledBackTo(), response.paused());
        recordEvents(RunEvents.of(planned.observed(), outcome, draining, clock.instant()), lease);
        return outcome;
    }

    /**
     * Adds the run's events to the cluster's, under the run's lock; a run with none reads and writes nothing. Events
     * that cannot be stored are a warning: the run's changes stand.
     */
    private void recordEvents(List<ClusterEvent> events, Lease lease) {
        if (events.isEmpty()) {
            return;
        }
        try {
            lease.ensureHeld();
            state.recordEvents(events);
        } catch (BerthException e) {
            notes.accept("warning: this run's events were not recorded: " + e.getMessage());
        }
    }

    /**
     * Stores {@code next} with the revisions {@code planned} assigned, unless that is what is stored already. A
     * rollback's revision is stored without a {@code cause}: the template rolled back to keeps its own.
     */
    private StateRecord store(StateRecord current, StateRecord next, Planned planned, String cause) {
        StateRecord stored = DesiredStates.withRevisions(next, planned.desired(), planned.plan(), clock.instant(),
                cause);
        return DesiredStates.sameContent(stored, current) ? current : state.write(stored);
    }

    /**
     * Changes the stored record under the lock and converges nothing (cordon, uncordon); returns the record as
     * stored, which is the current one when {@code change} changed nothing.
     */
    public StateRecord update(UnaryOperator<StateRecord> change, Duration lockWait) {
        try (Lease lease = state.acquire(lockWait)) {
            return update(lease, change);
        }
    }

    /** As {@link #update(UnaryOperator, Duration)}, under a {@code lease} the caller holds. */
    public StateRecord update(Lease lease, UnaryOperator<StateRecord> change) {
        StateRecord current = state.read();
        StateRecord next = change.apply(current);
        lease.ensureHeld();
        return DesiredStates.sameContent(current, next) ? current : state.write(next);
    }

    /** The run's scope, with every Deployment its change stored anew, changed or removed. */
    private static Scope scope(Options options, StateRecord current, StateRecord next) {
        Set<String> changed = new TreeSet<>();
        Set<String> identities = new TreeSet<>(current.applied().keySet());
        identities.addAll(next.applied().keySet());
        for (String identity : identities) {
            if (identity.startsWith(StoredDeployments.identity("")) && !Objects.equals(current.applied().get(identity),
                    next.applied().get(identity))) {
                changed.add(identity.substring(StoredDeployments.identity("").length()));
            }
        }
        return options.scope().and(changed);
    }

    private Planned plan(StateRecord record, Set<String> draining, ProbeRunner probes, Scope scope) {
        List<Resource> objects = DesiredStates.objects(record);
        DesiredState desired = DesiredStates.of(objects);
        List<NodeObservation> observed = probes.probe(new ClusterObserver(access).observe());
        ClusterView view = ClusterViews.of(observed, record.cordoned(), draining, clock.instant(), record.claims());
        return new Planned(desired, observed, planner.plan(desired, view, DesiredStates.revisions(record), scope),
                probes.livenessFailures());
    }

    /** How long a drain waits for replacements when the run names no timeout. */
    private static Duration longestProgressDeadline(Planned planned) {
        return Duration.ofSeconds(planned.desired().deployments().stream()
                .mapToLong(deployment -> deployment.spec().progressDeadlineSeconds()).max().orElse(0));
    }

    /**
     * For a dry run: the plan with the later removals of the draining nodes' replicas appended (those the first
     * step does not remove yet, because their replacements are not available yet).
     */
    private static Plan withEvictions(Planned planned, Set<String> draining) {
        List<Action> all = new ArrayList<>(planned.plan().actions());
        planned.observed().stream().filter(o -> o.ready() && draining.contains(o.node().name()))
                .flatMap(o -> Planner.evictions(ClusterViews.node(o, true, true)).stream())
                .filter(action -> !all.contains(action)).forEach(all::add);
        return new Plan(all, planned.plan().pending(), planned.plan().revisions(), planned.plan().rollouts());
    }
}
