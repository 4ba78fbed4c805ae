package dev.berth.cli.converge;

import dev.berth.cli.BaseCommand;
import dev.berth.error.ClusterException;
import dev.berth.error.ExitCode;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.Convergence;
import dev.berth.plan.PodNames;
import dev.berth.plan.Planner;
import dev.berth.state.StateRecord;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
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
        PrintWriter out = out();
        PrintWriter err = err();
        Convergence.Outcome outcome;
        try (ClusterAccess access = connect()) {
            Convergence convergence = new Convergence(access, clusterState(access, "berth " + verb),
                    new Planner(PodNames.random()), Clock.systemUTC(),
                    step -> {
                        err.println(PlanReport.progressLine(step));
                        err.flush();
                    });
            outcome = convergence.run(change, options);
        }
        List<String> changes = PlanReport.objectChanges(outcome.before(), outcome.after());
        PlanReport.warnUnready(outcome.observed(), err);
        if (options.dryRun()) {
            changes.forEach(line -> out.println(line + " (dry run)"));
            List<String> plan = PlanReport.plan(outcome.plan().actions(), outcome.plan().pending());
            plan.forEach(out::println);
            if (changes.isEmpty() && plan.isEmpty() && !quiet) {
                out.println("cluster is in sync; nothing to do (dry run)");
            }
            out.flush();
            return ExitCode.OK.code();
        }
        changes.forEach(out::println);
        if (!outcome.steps().isEmpty()) {
            err.println(verb + ": " + PlanReport.summary(outcome));
        } else if (changes.isEmpty() && !quiet) {
            out.println("cluster is in sync; nothing to do");
        }
        out.flush();
        err.flush();
        return verdict(outcome);
    }

    /**
     * Prints what converging after {@code change} would do, without a lock and without changing anything.
     * Returns true when there is any difference: an object to store, a step to take or a replica pending.
     */
    protected boolean diff(UnaryOperator<StateRecord> change) {
        Convergence.Outcome outcome;
        try (ClusterAccess access = connect()) {
            outcome = new Convergence(access, clusterState(access, "berth diff"), new Planner(PodNames.random()),
                    Clock.systemUTC(), step -> { }).run(change, new Convergence.Options(true, null, false, null));
        }
        PlanReport.warnUnready(outcome.observed(), err());
        List<String> lines = new java.util.ArrayList<>(PlanReport.objectChanges(outcome.before(), outcome.after()));
        lines.addAll(PlanReport.plan(outcome.plan().actions(), outcome.plan().pending()));
        lines.forEach(out()::println);
        out().flush();
        err().flush();
        return !lines.isEmpty();
    }

    private static int verdict(Convergence.Outcome outcome) {
        if (outcome.failed()) {
            long failed = outcome.steps().stream().filter(step -> step.failed()).count();
            throw new ClusterException(failed + " of " + outcome.steps().size() + " steps failed (see above); "
                    + "what was not done is retried by the next run, e.g. berth reconcile");
        }
        if (!outcome.plan().pending().isEmpty()) {
            throw new ClusterException("the cluster did not reach the desired state: " + String.join("; ",
                    outcome.plan().pending().stream().map(p -> p.deployment() + " has a Pending replica: "
                            + p.reason()).distinct().toList()));
        }
        if (outcome.waited().asked() && !outcome.waited().ready()) {
            throw new ClusterException("timed out waiting for replicas: " + outcome.waited().missing());
        }
        return ExitCode.OK.code();
    }
}
