package dev.berth.cli.converge;

import dev.berth.cli.ObjectNames;
import dev.berth.cli.output.Palette;
import dev.berth.exec.Convergence;
import dev.berth.exec.NodeObservation;
import dev.berth.exec.StepResult;
import dev.berth.plan.Action;
import dev.berth.plan.PendingReplica;
import dev.berth.state.StateRecord;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the converging verbs tell people what changed: objects created, configured or deleted; the plan per
 * node ({@code +} starts, {@code -} removals, {@code ~} other steps); replicas that cannot be placed; and, after a
 * run, the steps that failed. No line ever holds a Secret value: plans describe files by size only.
 */
final class PlanReport {

    private PlanReport() {
    }

    /** One line per stored object that differs between two records: created, configured or deleted. */
    static List<String> objectChanges(StateRecord before, StateRecord after) {
        Set<String> keys = new TreeSet<>(before.applied().keySet());
        keys.addAll(after.applied().keySet());
        List<String> lines = new ArrayList<>();
        for (String key : keys) {
            String old = before.applied().get(key);
            String now = after.applied().get(key);
            String change = old == null ? "created" : now == null ? "deleted" : old.equals(now) ? null : "configured";
            if (change != null) {
                lines.add(display(key) + " " + change);
            }
        }
        return lines;
    }

    /** {@code Deployment/default/web} as {@code deployment.apps/web} (namespace {@code default} left out). */
    static String display(String identity) {
        String[] parts = identity.split("/", 3);
        String name = ObjectNames.of(parts[0], parts[2]);
        return parts[1].isEmpty() || parts[1].equals("default") ? name : name + " -n " + parts[1];
    }

    /** The plan grouped by node, then the pending replicas. Empty when there is nothing to do. */
    static List<String> plan(List<Action> actions, List<PendingReplica> pending) {
        Map<String, List<Action>> byNode = new LinkedHashMap<>();
        actions.forEach(action -> byNode.computeIfAbsent(action.node(), node -> new ArrayList<>()).add(action));
        List<String> lines = new ArrayList<>();
        byNode.forEach((node, steps) -> {
            lines.add(node + ":");
            steps.forEach(step -> lines.add("  " + marker(step) + " " + step.describe().substring(node.length() + 2)));
        });
        pending.forEach(replica -> lines.add("pending: " + replica.deployment() + ": " + replica.reason()));
        return lines;
    }

    /** A line of {@link #plan} for a person: starts ({@code +}) green, removals ({@code -}) red, others plain. */
    static String coloured(String line, Palette palette) {
        if (line.startsWith("  + ")) {
            return palette.green(line);
        }
        if (line.startsWith("  - ")) {
            return palette.red(line);
        }
        return line;
    }

    static void warnUnready(List<NodeObservation> observed, PrintWriter err) {
        observed.stream().filter(o -> !o.ready()).forEach(o -> err.println("warning: " + o.status().display()
                + ": " + o.reason() + " (its replicas are placed elsewhere; nothing was done on it)"));
    }

    /** A summary line of a run, e.g. {@code 3 steps done on 2 nodes, 1 failed}. */
    static String summary(Convergence.Outcome outcome) {
        long done = outcome.steps().stream().filter(s -> s.outcome() == StepResult.Outcome.DONE).count();
        long failed = outcome.steps().stream().filter(StepResult::failed).count();
        long skipped = outcome.steps().stream().filter(s -> s.outcome() == StepResult.Outcome.SKIPPED).count();
        long nodes = outcome.steps().stream().map(s -> s.action().node()).distinct().count();
        return done + (done == 1 ? " step" : " steps") + " done on " + nodes + (nodes == 1 ? " node" : " nodes")
                + (failed > 0 ? ", " + failed + " failed" : "") + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }

    static String progressLine(StepResult step) {
        return switch (step.outcome()) {
            case DONE -> step.action().describe();
            case FAILED -> step.action().describe() + ": FAILED: " + step.message();
            case SKIPPED -> step.action().describe() + ": skipped";
        };
    }

    private static String marker(Action action) {
        if (action instanceof Action.RunContainer) {
            return "+";
        }
        if (action instanceof Action.RemoveContainer || action instanceof Action.CleanUpPod
                || action instanceof Action.RemoveProxy) {
            return "-";
        }
        return "~";
    }
}
