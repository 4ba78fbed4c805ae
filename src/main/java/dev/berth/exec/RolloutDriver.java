package dev.berth.exec;

import dev.berth.model.ObservedPod;
import dev.berth.plan.Action;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Plan;
import dev.berth.plan.RolloutProgress;
import dev.berth.state.Lease;
import dev.berth.state.StateRecord;
import dev.berth.state.StoredDeployments;
import dev.berth.state.StoredRevision;
import dev.berth.ssh.CommandResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Carries a converging run's rollouts to their end, with no agent on the servers: observe (with probes), plan
 * the next wave, carry it out, and again, until every rollout is complete, one fails, or the run's time is up.
 * A failed rollout is rolled back on every node, by the same wave rules, to the revision before it: the stored
 * Deployment gets that revision's template back, so that the next {@code reconcile} keeps it. With automatic
 * rollback off, the failed rollout is paused instead. Restarts containers whose liveness probe failed.
 */
final class RolloutDriver {
    /** How long to wait between observations when a wave has nothing to do but wait for readiness. */
    static final Duration POLL = Duration.ofSeconds(2);
    private static final int LOG_LINES = 5;

    /** Observes the cluster (with probes) and plans from the record. */
    interface Planning {
        Planned plan(StateRecord record);
    }

    /** Stores the record as planned: with the revisions the plan assigned. */
    interface Storing {
        StateRecord store(StateRecord record, Planned planned);
    }

    /** What a run's rollouts came to. */
    record Result(StateRecord record, Planned last, List<StepResult> steps, List<RolloutFailure> failures,
                  Map<String, Long> rolledBackTo, boolean timedOut, String waitingFor) {
    }

    private final ClusterAccess access;
    private final Planning planning;
    private final Storing storing;
    private final Clock clock;
    private final Pause pause;
    private final PlanExecutor executor;
    private final Consumer<String> notes;
    private final RolloutWatch watch = new RolloutWatch();

    RolloutDriver(ClusterAccess access, Planning planning, Storing storing, Clock clock, Pause pause,
                  PlanExecutor executor, Consumer<String> notes) {
        this.access = access;
        this.planning = planning;
        this.storing = storing;
        this.clock = clock;
        this.pause = pause;
        this.executor = executor;
        this.notes = notes;
    }

    /**
     * Drives on from {@code first}, planned from {@code record}, whose actions ran as {@code firstSteps}.
     *
     * @param deadline     when the run gives up waiting ({@code --timeout}); the rollouts go on at the next run
     * @param autoRollback whether a failed rollout is rolled back (else paused)
     * @param waitReady    whether to wait, beyond rollouts, until every replica is ready ({@code --wait})
     */
    Result drive(StateRecord record, Planned first, List<StepResult> firstSteps, Lease lease, Instant deadline,
                 boolean autoRollback, boolean waitReady) {
        StateRecord current = record;
        Planned planned = first;
        List<StepResult> steps = new ArrayList<>(firstSteps);
        List<StepResult> last = firstSteps;
        Set<String> rolledBack = new TreeSet<>();
        Map<String, Long> rolledBackTo = new LinkedHashMap<>();
        List<RolloutFailure> failures = new ArrayList<>();
        report(watch.observe(first.plan(), clock.instant()));
        while (true) {
            Map<String, RolloutFailure> failed = new LinkedHashMap<>(startFailures(planned, last));
            if (!failed.isEmpty() && RolloutWatch.driving(planned.plan()).isEmpty()) {
                return new Result(current, planned, steps, failures, rolledBackTo, false, "");
            }
            if (last.stream().anyMatch(StepResult::failed) && failed.isEmpty()) {
                return new Result(current, planned, steps, failures, rolledBackTo, false, "");
            }
            failed.putAll(watch.failures(planned.desired(), planned.plan(), pods(planned), clock.instant()));
            if (!failed.isEmpty()) {
                boolean again = false;
                for (RolloutFailure failure : failed.values()) {
                    RolloutFailure reported = failure.withLogs(logs(planned, failure));
                    failures.add(reported);
                    if (rolledBack.contains(failure.deployment())) {
                        notes.accept("deployment \"" + failure.deployment() + "\": the rollback failed too: "
                                + failure.reason());
                        continue;
                    }
                    Optional<StoredRevision> previous = StoredDeployments.previous(current, failure.deployment());
                    if (autoRollback && previous.isPresent()) {
                        notes.accept("deployment \"" + failure.deployment() + "\" revision " + failure.revision()
                                + " failed: " + failure.reason() + "; rolling back to revision "
                                + previous.get().number());
                        current = StoredDeployments.withTemplate(current, failure.deployment(), previous.get());
                        rolledBack.add(failure.deployment());
                        rolledBackTo.put(failure.deployment(), previous.get().number());
                        again = true;
                    } else if (StoredDeployments.stored(current, failure.deployment())) {
                        notes.accept("deployment \"" + failure.deployment() + "\" revision " + failure.revision()
                                + " failed: " + failure.reason() + (previous.isEmpty()
                                ? "; no earlier revision to roll back to: paused" : "; paused (--no-auto-rollback)"));
                        current = StoredDeployments.withPaused(current, failure.deployment(), true);
                        again = true;
                    }
                }
                if (!again) {
                    return new Result(current, planned, steps, failures, rolledBackTo, false, "");
                }
                lease.ensureHeld();
                planned = planning.plan(current);
                current = storing.store(current, planned);
            } else {
                List<RolloutProgress> driving = RolloutWatch.driving(planned.plan());
                String missing = waitReady ? Readiness.missing(planned.desired(), planned.observed(), planned.plan()) : "";
                if (driving.isEmpty() && missing.isEmpty()) {
                    return new Result(current, planned, steps, failures, rolledBackTo, false, "");
                }
                if (!clock.instant().isBefore(deadline)) {
                    String waitingFor = driving.isEmpty() ? missing : describe(driving);
                    return new Result(current, planned, steps, failures, rolledBackTo, true, waitingFor);
                }
                if (planned.plan().actions().isEmpty()) {
                    sleep();
                }
                lease.ensureHeld();
                planned = planning.plan(current);
            }
            List<Action> actions = new ArrayList<>(restarts(planned));
            actions.addAll(planned.plan().actions());
            last = actions.isEmpty() ? List.of() : executor.execute(actions);
            steps.addAll(last);
            report(watch.observe(planned.plan(), clock.instant()));
        }
    }

    /** Rollouts whose replicas of the new template could not even be started (a wrong tag, a bad flag). */
    private static Map<String, RolloutFailure> startFailures(Planned planned, List<StepResult> steps) {
        Map<String, RolloutFailure> failed = new LinkedHashMap<>();
        Set<String> rolling = new TreeSet<>();
        RolloutWatch.driving(planned.plan()).forEach(progress -> rolling.add(progress.deployment()));
        for (StepResult step : steps) {
            if (!step.failed()) {
                continue;
            }
            String deployment = deploymentOf(step.action(), planned);
            if (deployment != null && rolling.contains(deployment) && !failed.containsKey(deployment)) {
                failed.put(deployment, new RolloutFailure(deployment, revision(planned.plan(), deployment),
                        "a new replica could not be started", List.of(step.action().describe() + ": " + step.message())));
            }
        }
        return failed;
    }

    private static String deploymentOf(Action action, Planned planned) {
        if (action instanceof Action.RunContainer run) {
            return run.deployment();
        }
        if (action instanceof Action.PullImage pull) {
            return planned.desired().deployments().stream()
                    .filter(d -> d.spec().template().spec().containers().stream()
                            .anyMatch(c -> c.image().equals(pull.image())))
                    .map(DesiredState::key).filter(key -> RolloutWatch.driving(planned.plan()).stream()
                            .anyMatch(p -> p.deployment().equals(key)))
                    .findFirst().orElse(null);
        }
        return null;
    }

    private static long revision(Plan plan, String deployment) {
        var revision = plan.revisions().get(deployment);
        return revision == null ? 0 : revision.number();
    }

    private static List<ObservedPod> pods(Planned planned) {
        return planned.observed().stream().filter(NodeObservation::ready)
                .flatMap(o -> ObservedPod.group(o.node().name(), o.snapshot().containers()).stream()).toList();
    }

    /** The last lines of output of up to three containers of the failed replicas. */
    private List<String> logs(Planned planned, RolloutFailure failure) {
        List<String> lines = new ArrayList<>();
        List<ObservedPod> failing = pods(planned).stream()
                .filter(pod -> failure.deployment().equals(DesiredState.key(pod.namespace(), pod.deployment())))
                .filter(pod -> failure.replicas().stream().anyMatch(line -> line.startsWith("pod " + pod.name() + " ")))
                .limit(3).toList();
        for (ObservedPod pod : failing) {
            var container = pod.containers().get(0);
            try {
                CommandResult result = access.transport().run(access.node(pod.node()),
                        List.of("docker", "logs", "--tail", Integer.toString(LOG_LINES), container.id()))
                        .get(30, TimeUnit.SECONDS);
                String output = (result.stdoutText() + result.stderrText()).strip();
                if (!output.isEmpty()) {
                    output.lines().forEach(line -> lines.add(pod.name() + ": " + line));
                }
            } catch (Exception e) {
                lines.add(pod.name() + ": (log not read: " + e.getMessage() + ")");
            }
        }
        return lines;
    }

    private static List<Action> restarts(Planned planned) {
        return planned.livenessFailures().stream()
                .map(f -> (Action) new Action.RestartContainer(f.node(), f.containerId(), f.name(), f.reason()))
                .toList();
    }

    private void report(List<RolloutProgress> moved) {
        moved.forEach(progress -> notes.accept(line(progress)));
    }

    /** kubectl's words: {@code Waiting for deployment "web" rollout to finish: 1 of 4 updated replicas are available...}. */
    static String line(RolloutProgress progress) {
        String name = "deployment \"" + progress.deployment() + "\" revision " + progress.revision();
        if (progress.updated() < progress.replicas()) {
            return "Waiting for " + name + " rollout to finish: " + progress.updated() + " out of "
                    + progress.replicas() + " new replicas have been updated...";
        }
        if (progress.total() > progress.updated()) {
            return "Waiting for " + name + " rollout to finish: " + (progress.total() - progress.updated())
                    + " old replicas are pending termination...";
        }
        return "Waiting for " + name + " rollout to finish: " + progress.available() + " of " + progress.replicas()
                + " updated replicas are available...";
    }

    private static String describe(List<RolloutProgress> driving) {
        return String.join("; ", driving.stream().map(p -> p.deployment() + " " + p.updated() + "/" + p.replicas()
                + " updated, " + p.available() + " available").toList());
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
