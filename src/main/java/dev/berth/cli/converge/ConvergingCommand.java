package dev.berth.cli.converge;

import dev.berth.cli.BaseCommand;
import dev.berth.error.ClusterException;
import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.Convergence;
import dev.berth.exec.DesiredStates;
import dev.berth.exec.ProvisionerProcess;
import dev.berth.exec.Provisioning;
import dev.berth.exec.StepResult;
import dev.berth.model.Cluster;
import dev.berth.plan.PodNames;
import dev.berth.plan.Planner;
import dev.berth.state.ClusterState;
import dev.berth.state.Lease;
import dev.berth.state.StateRecord;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** Converges the cluster after {@code change}; {@code quiet} prints nothing when nothing changed. */
    protected int converge(String verb, UnaryOperator<StateRecord> change, Convergence.Options options,
                           boolean quiet) {
        return report(verb, options, quiet, access -> convergence(access, verb, this::progress).run(change, options));
    }

    private Convergence convergence(ClusterAccess access, String verb, Consumer<StepResult> progress) {
        return new Convergence(access, clusterState(access, "berth " + verb), new Planner(PodNames.random()),
                Clock.systemUTC(), progress);
    }

    private void say(String line) {
        err().println(line);
        err().flush();
    }

    private void progress(StepResult step) {
        err().println(PlanReport.progressLine(step));
        err().flush();
    }

    private int report(String verb, Convergence.Options options, boolean quiet,
                       Function<ClusterAccess, Convergence.Outcome> run) {
        Convergence.Outcome outcome;
        Cluster cluster;
        try (ClusterAccess access = connect()) {
            outcome = run.apply(access);
            cluster = access.cluster();
        }
        print(verb, options, quiet, outcome);
        if (options.dryRun() || outcome.failed() || !Provisioning.wanted(cluster, outcome.plan().pending())) {
            return verdict(outcome, "");
        }
        Path inventory = clusterFile().file();
        Provisioning.Provisioned provisioned = new Provisioning(new ProvisionerProcess(ProvisionerProcess.TIMEOUT),
                environment()::resolve, this::say).addNode(cluster, inventory, outcome.plan().pending());
        inventoryRewritten(provisioned.cluster());
        String node = provisioned.node();
        err().println("provisioned " + node + "; added it to " + inventory + " and converging again");
        err().flush();
        try (ClusterAccess access = connect()) {
            outcome = run.apply(access);
        }
        print(verb, options, true, outcome);
        return verdict(outcome, "provisioned " + node + "; ");
    }

    private void print(String verb, Convergence.Options options, boolean quiet, Convergence.Outcome outcome) {
        PrintWriter out = out();
        PrintWriter err = err();
        List<String> changes = PlanReport.objectChanges(outcome.before(), outcome.after());
        PlanReport.warnUnready(outcome.observed(), err);
        if (options.dryRun()) {
            changes.forEach(line -> out.println(line + " (dry run)"));
            List<String> plan = PlanReport.plan(outcome.plan().actions(), outcome.plan().pending());
            plan.forEach(out::println);
            if (changes.isEmpty() && plan.isEmpty() && !quiet) {
                out.println("cluster is in sync; nothing to do (dry run)");
            }
        } else {
            changes.forEach(out::println);
            if (!outcome.steps().isEmpty()) {
                err.println(verb + ": " + PlanReport.summary(outcome));
            } else if (changes.isEmpty() && !quiet) {
                out.println("cluster is in sync; nothing to do");
            }
        }
        out.flush();
        err.flush();
    }

    /** Changes the stored record under the lock and nothing else; returns the record as stored. */
    protected StateRecord updateRecord(String verb, UnaryOperator<StateRecord> change, Duration lockWait) {
        try (ClusterAccess access = connect()) {
            ClusterState state = clusterState(access, "berth " + verb);
            try (Lease lease = state.acquire(lockWait)) {
                StateRecord current = state.read();
                StateRecord next = change.apply(current);
                lease.ensureHeld();
                return DesiredStates.sameContent(current, next) ? current : state.write(next);
            }
        }
    }

    /** Cordons ({@code true}) or uncordons a node in the stored record; no replica is touched. */
    protected int mark(String node, boolean cordon, Convergence.Options options) {
        requireNode(node);
        String verb = cordon ? "cordon" : "uncordon";
        if (!options.dryRun()) {
            updateRecord(verb, record -> record.withCordon(node, cordon), options.lockWait());
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

    /** Converges like {@link #converge}, emptying the {@code draining} nodes. */
    protected int drain(UnaryOperator<StateRecord> change, Convergence.Options options, Set<String> draining) {
        return report("drain", options, false,
                access -> convergence(access, "drain", this::progress).run(change, options, draining));
    }

    /**
     * Prints what converging after {@code change} would do, without a lock and without changing anything.
     * Returns true when there is any difference: an object to store, a step to take or a replica pending.
     */
    protected boolean diff(UnaryOperator<StateRecord> change) {
        Convergence.Outcome outcome;
        try (ClusterAccess access = connect()) {
            outcome = convergence(access, "diff", step -> { })
                    .run(change, new Convergence.Options(true, null, false, null));
        }
        PlanReport.warnUnready(outcome.observed(), err());
        List<String> lines = new ArrayList<>(PlanReport.objectChanges(outcome.before(), outcome.after()));
        lines.addAll(PlanReport.plan(outcome.plan().actions(), outcome.plan().pending()));
        lines.forEach(out()::println);
        out().flush();
        err().flush();
        return !lines.isEmpty();
    }

    private static int verdict(Convergence.Outcome outcome, String provisioned) {
        if (outcome.failed()) {
            long failed = outcome.steps().stream().filter(StepResult::failed).count();
            throw new ClusterException(failed + " of " + outcome.steps().size() + " steps failed (see above); "
                    + "what was not done is retried by the next run, e.g. berth reconcile");
        }
        if (!outcome.plan().pending().isEmpty()) {
            int count = outcome.plan().pending().size();
            String still = provisioned.isEmpty() ? "" : provisioned + count + (count == 1 ? " replica" : " replicas")
                    + " still Pending; ";
            throw new ClusterException(still + "the cluster did not reach the desired state: " + String.join("; ",
                    outcome.plan().pending().stream().map(p -> p.deployment() + " has a Pending replica: "
                            + p.reason()).distinct().toList()));
        }
        if (outcome.waited().asked() && !outcome.waited().ready()) {
            throw new ClusterException("timed out waiting for replicas: " + outcome.waited().missing());
        }
        List<String> unready = outcome.observed().stream().filter(o -> !o.ready()).map(o -> o.node().name()).toList();
        if (!unready.isEmpty()) {
            throw new ClusterException("converged on the nodes that answered, but " + String.join(", ", unready)
                    + (unready.size() == 1 ? " was" : " were") + " not reached (see the warning above); "
                    + "the next run acts on " + (unready.size() == 1 ? "it" : "them") + " once reachable");
        }
        return ExitCode.OK.code();
    }
}
