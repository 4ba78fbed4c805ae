package dev.berth.cli.converge;

import dev.berth.cli.BaseCommand;
import dev.berth.cli.output.LiveRollouts;
import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.ClusterObserver;
import dev.berth.exec.NodeObservation;
import dev.berth.exec.Convergence;
import dev.berth.exec.ConvergingRun;
import dev.berth.exec.ProvisionerProcess;
import dev.berth.exec.Provisioning;
import dev.berth.exec.RunNotes;
import dev.berth.exec.StepResult;
import dev.berth.exec.move.DrainMoves;
import dev.berth.exec.move.VolumeMove;
import dev.berth.manifest.ManifestNamespace;
import dev.berth.model.Cluster;
import dev.berth.plan.Planner;
import dev.berth.plan.Scope;
import dev.berth.state.ClusterState;
import dev.berth.state.Lease;
import dev.berth.state.StateRecord;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What apply, delete, scale, reconcile and the node verbs share: one converging run, reported the same way.
 * Objects changed go to stdout; steps as they finish go to stderr; anything short of the desired state is
 * exit code 3 with the reason.
 */
public abstract class ConvergingCommand extends BaseCommand {
    /** Where this run's rollout progress goes: the live display on a terminal, else plain lines on stderr. */
    private RunNotes notes = this::note;

    /** Where the objects of {@code -f} files that name no namespace go: {@code -n}, else the context's, else default. */
    protected ManifestNamespace manifestNamespace() {
        return ManifestNamespace.of(global().namespaceOption(), clusterFile().defaultNamespace().orElse(null));
    }

    /** Converges the cluster after {@code change}; {@code quiet} prints nothing when nothing changed. */
    protected int converge(String verb, UnaryOperator<StateRecord> change, Convergence.Options options,
                           boolean quiet) {
        converged(verb, change, options, quiet);
        return ExitCode.OK.code();
    }

    /**
     * Converges like {@link #converge} and returns how the last convergence ended, for a verb that says more.
     * {@code change} may be applied more than once (again after a provisioner added a server): it must give the
     * same record when applied to its own result.
     */
    protected Convergence.Outcome converged(String verb, UnaryOperator<StateRecord> change,
                                            Convergence.Options options, boolean quiet) {
        return run(verb, options, quiet, convergence -> convergence.run(change, options));
    }

    /**
     * Converges like {@link #converge}, emptying the {@code draining} nodes; then says, as kubectl does, that each
     * is cordoned and drained.
     */
    protected int drain(UnaryOperator<StateRecord> change, Convergence.Options options, Set<String> draining) {
        run("drain", options, true, convergence -> convergence.run(change, options, draining));
        String dry = options.dryRun() ? " (dry run)" : "";
        draining.stream().sorted().forEach(node -> out().println("node/" + node + " cordoned" + dry + "\nnode/"
                + node + " drained" + dry));
        out().flush();
        return ExitCode.OK.code();
    }

    private Convergence.Outcome run(String verb, Convergence.Options options, boolean quiet,
                                    Function<Convergence, Convergence.Outcome> step) {
        Provisioning provisioning = new Provisioning(new ProvisionerProcess(ProvisionerProcess.TIMEOUT),
                environment()::resolve, this::say);
        Optional<LiveRollouts> live = options.dryRun() || !decorates() ? Optional.empty() : LiveRollouts.onStderr();
        notes = live.<RunNotes>map(display -> display).orElse(this::note);
        ConvergingRun.Result result;
        try {
            result = new ConvergingRun(cluster -> {
                try (ClusterAccess access = connect(cluster)) {
                    return step.apply(convergence(access, verb, this::progress));
                }
            }, provisioning, this::say).run(cluster(), clusterFile().file(), options.dryRun(),
                    (outcome, again) -> print(verb, options, quiet || again, outcome));
        } finally {
            live.ifPresent(LiveRollouts::close);
            notes = this::note;
        }
        result.provisioned().ifPresent(provisioned -> inventoryRewritten(provisioned.cluster()));
        result.requireDesiredState();
        return result.outcome();
    }

    private Convergence convergence(ClusterAccess access, String verb, Consumer<StepResult> progress) {
        return convergence(access, clusterState(access, "berth " + verb), progress);
    }

    private Convergence convergence(ClusterAccess access, ClusterState state, Consumer<StepResult> progress) {
        return new Convergence(access, state, planner(access), environment().clock(), progress, notes,
                environment().pause(), changeCause());
    }

    /**
     * Moves claims' data as {@code requests} say, one after the other under one lock; prints a line on stdout for
     * each. With {@code dryRun} each is only checked, and what would be done printed.
     */
    protected List<VolumeMove.Result> moveVolumes(String verb, List<VolumeMove.Request> requests, Duration lockWait,
                                                  boolean dryRun) {
        List<VolumeMove.Result> results = new ArrayList<>();
        try (ClusterAccess access = connect()) {
            ClusterState state = clusterState(access, "berth " + verb);
            Convergence convergence = convergence(access, state, this::progress);
            VolumeMove move = new VolumeMove(access, state, convergence, planner(access), environment().clock(),
                    this::note);
            if (dryRun) {
                for (VolumeMove.Request request : requests) {
                    String from = move.check(request);
                    out().println(from.equals(request.target())
                            ? request.display() + " is on " + from + " already (dry run)"
                            : request.display() + " would move from " + from + " to " + request.target() + " (dry run)");
                }
                out().flush();
                return results;
            }
            try (Lease lease = convergence.lock(lockWait)) {
                for (VolumeMove.Request request : requests) {
                    VolumeMove.Result result = move.move(lease, request);
                    results.add(result);
                    out().println(MoveReport.line(result));
                    out().flush();
                }
            }
        }
        return results;
    }

    /**
     * Why the revisions this run makes were made, when a Deployment's {@code kubernetes.io/change-cause}
     * annotation does not say: the command line, e.g. {@code berth apply -f web.yaml}.
     */
    protected String changeCause() {
        return ChangeCause.of(spec);
    }

    /**
     * What a run tells on stdout of the objects it changed: one line per stored object created, configured or
     * deleted, for each convergence of the run.
     */
    protected List<String> changes(Convergence.Outcome outcome) {
        return PlanReport.objectChanges(outcome.before(), outcome.after());
    }

    /** The record as stored on the cluster now, read without the lock. */
    protected StateRecord storedRecord(String verb) {
        try (ClusterAccess access = connect()) {
            return clusterState(access, "berth " + verb).read();
        }
    }

    /**
     * Changes the stored record under the lock and converges nothing; returns the record as stored. With
     * {@code dryRun} the change is made to the record as read, without the lock, and nothing is stored.
     */
    protected StateRecord update(String verb, UnaryOperator<StateRecord> change, Convergence.Options options) {
        try (ClusterAccess access = connect()) {
            Convergence convergence = convergence(access, verb, step -> { });
            return options.dryRun() ? change.apply(clusterState(access, "berth " + verb).read())
                    : convergence.update(change, options.lockWait());
        }
    }

    private void say(String line) {
        err().println(line);
        err().flush();
    }

    /** A rollout's progress: plain lines on stderr, stamped with the time when stderr is no terminal. */
    private void note(String line) {
        err().println(environment().interactive() ? line
                : DateTimeFormatter.ISO_INSTANT.format(environment().clock().instant().truncatedTo(ChronoUnit.SECONDS))
                + " " + line);
        err().flush();
    }

    private void progress(StepResult step) {
        if (notes instanceof LiveRollouts live) {
            live.accept(PlanReport.progressLine(step));
            return;
        }
        err().println(PlanReport.progressLine(step));
        err().flush();
    }

    private void print(String verb, Convergence.Options options, boolean quiet, Convergence.Outcome outcome) {
        PrintWriter out = out();
        PrintWriter err = err();
        List<String> changes = changes(outcome);
        PlanReport.warnUnready(outcome.observed(), err);
        if (options.dryRun()) {
            changes.forEach(line -> out.println(line + " (dry run)"));
            List<String> plan = PlanReport.plan(outcome.plan().actions(), outcome.plan().pending());
            plan.forEach(line -> out.println(PlanReport.coloured(line, palette())));
            if (changes.isEmpty() && plan.isEmpty() && !quiet) {
                out.println("cluster is in sync; nothing to do (dry run)");
            }
        } else {
            changes.forEach(out::println);
            if (!outcome.steps().isEmpty()) {
                err.println(verb + ": " + PlanReport.summary(outcome));
            } else if (changes.isEmpty() && !quiet && outcome.plan().pending().isEmpty()
                    && outcome.failures().isEmpty() && (!outcome.waited().asked() || outcome.waited().ready())) {
                out.println("cluster is in sync; nothing to do");
            }
        }
        out.flush();
        err.flush();
    }

    /**
     * Before a run whose {@code change} may delete PersistentVolumeClaims: refused (exit 2) when a Deployment still
     * mounts one; when a claim with reclaim policy Delete has a volume, the user confirms on a terminal, or gives
     * {@code yes}. Nothing is touched before that.
     */
    protected ClaimRelease claimsReleased(String verb, UnaryOperator<StateRecord> change, boolean yes,
                                          boolean dryRun) {
        StateRecord record;
        List<NodeObservation> observed;
        try (ClusterAccess access = connect()) {
            record = clusterState(access, "berth " + verb).read();
            observed = new ClusterObserver(access).observe();
        }
        ClaimRelease release = ClaimRelease.of(record, change.apply(record), observed);
        List<ClaimRelease.Released> losing = release.deletingData();
        if (!dryRun && !losing.isEmpty() && !yes) {
            VolumeRemoval.confirm(losing, environment(), err());
        }
        return release;
    }

    /** {@code change}, refused under the lock when it deletes a claim in use, or data {@code foreseen} did not show. */
    protected static UnaryOperator<StateRecord> guarded(UnaryOperator<StateRecord> change, ClaimRelease foreseen) {
        return record -> {
            StateRecord next = change.apply(record);
            ClaimRelease.of(record, next, List.of()).deletingBeyond(foreseen).stream().findFirst().ifPresent(claim -> {
                throw new InvalidInputException(PlanReport.display(claim.identity()) + " with reclaim policy Delete "
                        + "was stored meanwhile; run the command again (nothing was touched)");
            });
            return next;
        };
    }

    /** After the run: the volumes of the deleted claims with reclaim policy Delete are removed from their nodes. */
    protected void removeVolumes(ClaimRelease release, boolean dryRun) {
        if (release.deletingData().isEmpty()) {
            return;
        }
        if (dryRun) {
            release.deletingData().forEach(claim -> out().println("volume " + claim.volume() + " would be removed "
                    + "from " + String.join(", ", claim.nodes()) + " (dry run)"));
        } else {
            try (ClusterAccess access = connect()) {
                new VolumeRemoval(access).remove(release.deletingData()).forEach(out()::println);
            }
        }
        out().flush();
    }

    /**
     * Before a drain of {@code node}: the data of the claims on it that Deployments mount moves to where their next
     * replicas would go (with {@code --dry-run}, is only said to); returns those moves. A claim whose replicas have
     * nowhere else to go stays, and the drain says so.
     */
    protected List<VolumeMove.Request> moveClaimsOff(String node, Convergence.Options options) {
        List<DrainMoves.Move> moves;
        try (ClusterAccess access = connect()) {
            StateRecord record = clusterState(access, "berth drain").read();
            if (!DrainMoves.anyToConsider(record)) {
                return List.of();
            }
            moves = DrainMoves.of(planner(access), record, new ClusterObserver(access).observe(), node);
        }
        List<VolumeMove.Request> requests = new ArrayList<>();
        for (DrainMoves.Move move : moves) {
            if (move.target().isEmpty()) {
                note(move.display() + " stays on " + node + ": " + move.reason());
            } else {
                requests.add(new VolumeMove.Request(move.namespace(), move.claim(), move.target().get(), false, 0,
                        options.timeout()));
            }
        }
        if (!requests.isEmpty()) {
            moveVolumes("drain", requests, options.lockWait(), options.dryRun());
        }
        return requests;
    }

    /** Cordons ({@code true}) or uncordons a node in the stored record; no replica is touched. */
    protected int mark(String node, boolean cordon, Convergence.Options options) {
        requireNode(node);
        String verb = cordon ? "cordon" : "uncordon";
        if (!options.dryRun()) {
            update(verb, record -> record.withCordon(node, cordon), options);
        }
        out().println("node/" + node + " " + verb + "ed" + (options.dryRun() ? " (dry run)" : ""));
        out().flush();
        return ExitCode.OK.code();
    }

    /** Fails with the inventory's node names unless {@code node} is one of them. */
    protected void requireNode(String node) {
        List<String> names = cluster().spec().nodes().stream().map(Cluster.Node::name).toList();
        if (!names.contains(node)) {
            throw new InvalidInputException("no node \"" + node + "\" in the inventory; nodes: "
                    + String.join(", ", names));
        }
    }

    /**
     * Prints what converging after {@code change} would do, without a lock and without changing anything.
     * Returns true when there is any difference: an object to store, a step to take or a replica pending.
     */
    protected boolean diff(UnaryOperator<StateRecord> change, Scope scope) {
        Convergence.Outcome outcome;
        try (ClusterAccess access = connect()) {
            outcome = convergence(access, "diff", step -> { })
                    .run(change, new Convergence.Options(true, null, false, null).within(scope));
        }
        PlanReport.warnUnready(outcome.observed(), err());
        List<String> lines = new ArrayList<>(PlanReport.objectChanges(outcome.before(), outcome.after()));
        lines.addAll(PlanReport.plan(outcome.plan().actions(), outcome.plan().pending()));
        lines.forEach(line -> out().println(PlanReport.coloured(line, palette())));
        out().flush();
        err().flush();
        return !lines.isEmpty();
    }
}
