package dev.berth.exec;

import dev.berth.model.Deployment;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import dev.berth.plan.Action;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Plan;
import dev.berth.plan.Revision;
import dev.berth.plan.RolloutProgress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Watches the rollouts of one run across its observations and says when one has failed: a replica of the new
 * template crashes (its container exits with an error or restarts), or the rollout makes no progress for the
 * Deployment's {@code progressDeadlineSeconds}, as Kubernetes counts it (progress: a replica updated, one more
 * available, or one fewer of an old template; a plan that starts or removes one of its replicas is progress).
 * A rollout an earlier run left unfinished counts from the newest replica of its template, so that the deadline
 * holds across runs: a cron {@code reconcile} rolls back a version that never became ready.
 *
 * <p>A rollout is under way while replicas of another template are alive, or while the template is new to this
 * run (the run changed it: apply, undo, restart). A Deployment that only misses replicas of the template it had
 * (scaled up, a replica died or crashes) is no rollout: it is neither waited on nor rolled back. A rollout the
 * run gave up on (its rollback failed too) is no longer watched. Pure: observations and times in, verdicts out.
 */
final class RolloutWatch {
    /** A container that has restarted this often since the rollout started it crash-loops. */
    static final int CRASH_RESTARTS = 2;

    private final Map<String, Revision> before;
    private final Map<String, Seen> seen = new HashMap<>();
    private final Set<String> givenUp = new HashSet<>();
    private final Set<String> everSeen = new HashSet<>();
    private final Set<String> changed = new HashSet<>();

    /** @param before the newest revision of each Deployment stored when the run began, before its change */
    RolloutWatch(Map<String, Revision> before) {
        this.before = Map.copyOf(before);
    }

    private record Seen(RolloutProgress progress, Instant since) {
    }

    /**
     * What one observation showed: the rollouts that moved since the last one, those now complete, and those
     * seen for the first time that an earlier run left unfinished (its time ran out, or it was killed).
     */
    record Looked(List<RolloutProgress> moved, List<String> completed, List<RolloutProgress> unfinished) {
    }

    /**
     * The Deployments whose rollout is under way and can still advance in this run: not complete, not paused,
     * not given up, and either replicas of another template are left, or the template is new to this run and
     * none of its replicas is Pending (a Deployment that only lacks room is reported as Pending, not waited on).
     */
    List<RolloutProgress> driving(Plan plan) {
        return plan.rollouts().values().stream()
                .filter(progress -> !progress.complete() && !progress.paused())
                .filter(progress -> !givenUp.contains(progress.deployment()))
                .filter(progress -> progress.total() > progress.updated() || (isNew(plan, progress.deployment())
                        && plan.pending().stream().noneMatch(p -> p.deployment().equals(progress.deployment()))))
                .toList();
    }

    private boolean isNew(Plan plan, String deployment) {
        Revision was = before.get(deployment);
        Revision now = plan.revisions().get(deployment);
        return now != null
                && (was == null || !was.specHash().equals(now.specHash()) || changed.contains(deployment));
    }

    /** The run changed the template of {@code deployment} itself (a rollback): its rollout is under way. */
    void changedByRun(String deployment) {
        changed.add(deployment);
    }

    /** Stops watching the rollout of {@code deployment}: nothing more is tried for it in this run. */
    void giveUp(String deployment) {
        givenUp.add(deployment);
        seen.remove(deployment);
    }

    /** Remembers the progress of every rollout under way, and forgets those that completed. */
    Looked look(Planned planned, Instant now) {
        Plan plan = planned.plan();
        List<RolloutProgress> moved = new ArrayList<>();
        List<RolloutProgress> unfinished = new ArrayList<>();
        for (RolloutProgress progress : driving(plan)) {
            Seen before = seen.get(progress.deployment());
            Instant since = now;
            if (everSeen.add(progress.deployment()) && !isNew(plan, progress.deployment())) {
                unfinished.add(progress);
                since = newestReplica(planned, progress.deployment()).orElse(now);
            }
            if (before == null || before.progress().revision() != progress.revision()
                    || advanced(before.progress(), progress)) {
                seen.put(progress.deployment(), new Seen(progress, since));
                moved.add(progress);
            } else if (!before.progress().equals(progress)) {
                seen.put(progress.deployment(), new Seen(progress, before.since()));
                moved.add(progress);
            }
        }
        List<String> completed = new ArrayList<>();
        for (RolloutProgress progress : plan.rollouts().values()) {
            if (progress.complete() && seen.remove(progress.deployment()) != null) {
                completed.add(progress.deployment());
            }
        }
        return new Looked(moved, completed, unfinished);
    }

    /** When the newest replica of the Deployment's current template was created, if one is alive. */
    private static Optional<Instant> newestReplica(Planned planned, String deployment) {
        Revision revision = planned.plan().revisions().get(deployment);
        return Planned.pods(planned, deployment).stream()
                .filter(pod -> pod.alive() && revision != null && revision.specHash().equals(pod.specHash()))
                .map(ObservedPod::createdAt).filter(Objects::nonNull).max(Comparator.naturalOrder());
    }

    /** Progress as Kubernetes counts it: a replica updated, one more available, or one fewer of an old template. */
    private static boolean advanced(RolloutProgress before, RolloutProgress now) {
        return now.updated() > before.updated() || now.available() > before.available()
                || now.total() - now.updated() < before.total() - before.updated();
    }

    /**
     * Why each rollout under way has failed, by deployment key; empty while all can still succeed. {@code steps}
     * are what was done of {@code planned}'s plan: a replica of a new template that could not even be started
     * (a wrong tag, a bad flag) fails its rollout at once.
     */
    Map<String, RolloutFailure> failures(Planned planned, List<StepResult> steps, Instant now) {
        Map<String, RolloutFailure> failed = new LinkedHashMap<>(notStarted(planned, steps));
        Plan plan = planned.plan();
        for (RolloutProgress progress : driving(plan)) {
            String key = progress.deployment();
            Optional<Deployment> deployment = planned.desired().deployments().stream()
                    .filter(d -> DesiredState.key(d).equals(key)).findFirst();
            Revision revision = plan.revisions().get(key);
            if (deployment.isEmpty() || revision == null || failed.containsKey(key)) {
                continue;
            }
            List<ObservedPod> fresh = Planned.pods(planned, key).stream()
                    .filter(pod -> revision.specHash().equals(pod.specHash())).toList();
            List<ObservedPod> crashed = fresh.stream().filter(RolloutWatch::crashed).toList();
            if (!crashed.isEmpty()) {
                failed.put(key, new RolloutFailure(key, revision.number(), crashed.size() + " of "
                        + fresh.size() + " new replicas crashed", RolloutFailure.replicas(crashed)));
                continue;
            }
            Seen since = seen.get(key);
            Duration deadline = Duration.ofSeconds(deployment.get().spec().progressDeadlineSeconds());
            if (since != null && !since.since().plus(deadline).isAfter(now) && !planned.moves(key)) {
                List<ObservedPod> waiting = fresh.stream().filter(pod -> !pod.ready()).toList();
                failed.put(key, new RolloutFailure(key, revision.number(),
                        "no progress within progressDeadlineSeconds (" + deadline.toSeconds() + "s): "
                                + progress.updated() + " of " + progress.replicas() + " replicas updated, "
                                + progress.available() + " available",
                        RolloutFailure.replicas(waiting)));
            }
        }
        return failed;
    }

    /** The rollouts under way of which a step failed (an image not pulled, a replica not started), with those steps. */
    private Map<String, RolloutFailure> notStarted(Planned planned, List<StepResult> steps) {
        Map<String, List<StepResult>> failedSteps = new LinkedHashMap<>();
        List<RolloutProgress> rolling = driving(planned.plan());
        for (StepResult step : steps) {
            planned.deploymentOf(step.action()).filter(key -> step.failed())
                    .filter(key -> rolling.stream().anyMatch(progress -> progress.deployment().equals(key)))
                    .ifPresent(key -> failedSteps.computeIfAbsent(key, k -> new ArrayList<>()).add(step));
        }
        Map<String, RolloutFailure> failed = new LinkedHashMap<>();
        failedSteps.forEach((key, failedOfKey) -> {
            Revision revision = planned.plan().revisions().get(key);
            boolean pull = failedOfKey.get(0).action() instanceof Action.PullImage;
            failed.put(key, new RolloutFailure(key, revision == null ? 0 : revision.number(),
                    pull ? "the new image could not be pulled" : "a new replica could not be started",
                    failedOfKey.stream().map(step -> step.action().describe() + ": " + step.message()).toList()));
        });
        return failed;
    }

    /** A replica whose container stopped with an error, or keeps restarting. */
    static boolean crashed(ObservedPod pod) {
        return pod.containers().stream().anyMatch(RolloutWatch::crashed);
    }

    private static boolean crashed(ObservedContainer container) {
        boolean stopped = switch (container.status()) {
            case "restarting", "exited", "dead" -> container.exitCode() != 0 || container.oomKilled();
            default -> false;
        };
        return stopped || container.restartCount() >= CRASH_RESTARTS;
    }
}
