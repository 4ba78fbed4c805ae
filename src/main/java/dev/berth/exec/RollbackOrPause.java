package dev.berth.exec;

import dev.berth.model.Deployment;
import dev.berth.plan.DesiredState;
import dev.berth.plan.SpecHash;
import dev.berth.state.StateRecord;
import dev.berth.state.StoredDeployments;
import dev.berth.state.StoredRevision;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What a run does with a rollout that failed: puts the revision before it back in the stored record, so that
 * the run (and every later one) rolls every node back to it by the same wave rules; or, with automatic rollback
 * off, pauses the Deployment. A Deployment with no earlier revision kept (a new one), or whose rollback fails as
 * well, is left as it is to the person reading the report.
 */
final class RollbackOrPause {
    private final boolean autoRollback;
    private final Consumer<String> notes;
    private final Map<String, Long> rolledBackTo = new LinkedHashMap<>();
    private final Set<String> paused = new TreeSet<>();

    RollbackOrPause(boolean autoRollback, Consumer<String> notes) {
        this.autoRollback = autoRollback;
        this.notes = notes;
    }

    /** The revision each rolled-back Deployment went back to. */
    Map<String, Long> rolledBackTo() {
        return Map.copyOf(rolledBackTo);
    }

    /** The Deployments the run paused. */
    Set<String> paused() {
        return Set.copyOf(paused);
    }

    /** The record with the failed rollout rolled back or paused; empty when nothing is left to try for it. */
    Optional<StateRecord> respond(StateRecord record, RolloutFailure failure, Instant now) {
        String key = failure.deployment();
        String failed = "deployment \"" + key + "\" revision " + failure.revision() + " failed: " + failure.reason();
        if (rolledBackTo.containsKey(key)) {
            notes.accept("deployment \"" + key + "\": the rollback failed too: " + failure.reason());
            return Optional.empty();
        }
        if (!StoredDeployments.stored(record, key)) {
            notes.accept(failed);
            return Optional.empty();
        }
        Optional<StoredRevision> previous = StoredDeployments.previous(record, key);
        if (autoRollback && previous.isPresent()) {
            notes.accept(failed + "; rolling back to revision " + previous.get().number());
            rolledBackTo.put(key, previous.get().number());
            return Optional.of(rolledBack(record, key, previous.get(), now));
        }
        if (autoRollback) {
            notes.accept(failed + "; no earlier revision to roll back to");
            return Optional.empty();
        }
        notes.accept(failed + "; paused (--no-auto-rollback)");
        paused.add(key);
        return Optional.of(StoredDeployments.withPaused(record, key, true));
    }

    /**
     * The record with the previous template back, and its revision recorded as the newest (under a new number,
     * as Kubernetes does), so that the plans rolling it back number the replicas as the record does.
     */
    private static StateRecord rolledBack(StateRecord record, String key, StoredRevision previous, Instant now) {
        StateRecord restored = StoredDeployments.withTemplate(record, key, previous);
        DesiredState desired = DesiredStates.of(DesiredStates.objects(restored));
        Deployment deployment = desired.deployments().stream().filter(d -> DesiredState.key(d).equals(key))
                .findFirst().orElseThrow();
        return restored.withRevision(key, SpecHash.of(deployment, desired), previous.template(),
                previous.changeCause(), now, deployment.spec().revisionHistoryLimit());
    }
}
