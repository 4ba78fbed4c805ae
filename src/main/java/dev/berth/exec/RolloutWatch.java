package dev.berth.exec;

import dev.berth.model.Deployment;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Plan;
import dev.berth.plan.Revision;
import dev.berth.plan.RolloutProgress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Watches the rollouts of one run across its observations and says when one has failed: a replica of the new
 * template crashes (its container exits with an error or restarts), or the rollout makes no progress for the
 * Deployment's {@code progressDeadlineSeconds}, as Kubernetes counts it (progress: a replica updated, or one
 * more available). Pure: observations and times in, verdicts out.
 */
final class RolloutWatch {
    /** A container that has restarted this often since the rollout started it crash-loops. */
    static final int CRASH_RESTARTS = 2;

    private final Map<String, Seen> seen = new HashMap<>();

    private record Seen(RolloutProgress progress, Instant since) {
    }

    /**
     * The Deployments whose rollout is under way and can still advance in this run: not complete, not paused,
     * and either replicas of another template are left or none of its replicas is Pending (a Deployment that
     * only lacks room is reported as Pending, not waited on).
     */
    static List<RolloutProgress> driving(Plan plan) {
        return plan.rollouts().values().stream()
                .filter(progress -> !progress.complete() && !progress.paused())
                .filter(progress -> progress.total() > progress.updated()
                        || plan.pending().stream().noneMatch(p -> p.deployment().equals(progress.deployment())))
                .toList();
    }

    /** Remembers the progress of every rollout under way; returns those that moved since the last look. */
    List<RolloutProgress> observe(Plan plan, Instant now) {
        List<RolloutProgress> moved = new ArrayList<>();
        for (RolloutProgress progress : driving(plan)) {
            Seen before = seen.get(progress.deployment());
            if (before == null || before.progress().revision() != progress.revision() || advanced(before.progress(), progress)) {
                seen.put(progress.deployment(), new Seen(progress, now));
                moved.add(progress);
            } else if (!before.progress().equals(progress)) {
                seen.put(progress.deployment(), new Seen(progress, before.since()));
                moved.add(progress);
            }
        }
        return moved;
    }

    private static boolean advanced(RolloutProgress before, RolloutProgress now) {
        return now.updated() > before.updated() || now.available() > before.available();
    }

    /** Why each rollout under way has failed, by deployment key; empty while all can still succeed. */
    Map<String, RolloutFailure> failures(DesiredState desired, Plan plan, List<ObservedPod> pods, Instant now) {
        Map<String, RolloutFailure> failed = new HashMap<>();
        for (RolloutProgress progress : driving(plan)) {
            String key = progress.deployment();
            Optional<Deployment> deployment = desired.deployments().stream()
                    .filter(d -> DesiredState.key(d).equals(key)).findFirst();
            Revision revision = plan.revisions().get(key);
            if (deployment.isEmpty() || revision == null) {
                continue;
            }
            List<ObservedPod> fresh = pods.stream()
                    .filter(pod -> key.equals(DesiredState.key(pod.namespace(), pod.deployment())))
                    .filter(pod -> revision.specHash().equals(pod.specHash())).toList();
            List<ObservedPod> crashed = fresh.stream().filter(RolloutWatch::crashed).toList();
            if (!crashed.isEmpty()) {
                failed.put(key, new RolloutFailure(key, revision.number(), crashed.size() + " of "
                        + fresh.size() + " new replicas crashed", RolloutFailure.replicas(crashed)));
                continue;
            }
            Seen since = seen.get(key);
            Duration deadline = Duration.ofSeconds(deployment.get().spec().progressDeadlineSeconds());
            if (since != null && !since.since().plus(deadline).isAfter(now)) {
                List<ObservedPod> waiting = fresh.stream().filter(pod -> !pod.ready()).toList();
                failed.put(key, new RolloutFailure(key, revision.number(), "no progress within progressDeadlineSeconds ("
                        + deadline.toSeconds() + "s): " + progress.updated() + " of " + progress.replicas()
                        + " replicas updated, " + progress.available() + " available",
                        RolloutFailure.replicas(waiting)));
            }
        }
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
