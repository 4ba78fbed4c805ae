package dev.berth.exec;

import dev.berth.plan.RolloutProgress;

import java.util.List;

/** The lines a person follows a rollout by, in kubectl's words ({@code kubectl rollout status}). */
final class RolloutNotes {
    private RolloutNotes() {
    }

    /**
     * For example {@code Waiting for deployment "default/web" rollout to finish: 1 out of 4 new replicas have been
     * updated...}.
     */
    static String waiting(RolloutProgress progress) {
        String waiting = "Waiting for deployment \"" + progress.deployment() + "\" rollout to finish: ";
        if (progress.updated() < progress.replicas()) {
            return waiting + progress.updated() + " out of " + progress.replicas()
                    + " new replicas have been updated...";
        }
        if (progress.total() > progress.updated()) {
            return waiting + (progress.total() - progress.updated()) + " old replicas are pending termination...";
        }
        return waiting + progress.available() + " of " + progress.updated() + " updated replicas are available...";
    }

    /** A rollout an earlier run left unfinished, which this run carries on. */
    static String unfinished(RolloutProgress progress) {
        return "deployment \"" + progress.deployment() + "\": an earlier run left the rollout of revision "
                + progress.revision() + " unfinished (" + progress.updated() + " of " + progress.replicas()
                + " replicas updated); carrying it on";
    }

    /** A rollout that came to its end; {@code rolledBackTo} is the revision a rollback went to, or null. */
    static String completed(String deployment, Long rolledBackTo) {
        return rolledBackTo == null ? "deployment \"" + deployment + "\" successfully rolled out"
                : "deployment \"" + deployment + "\" rolled back to revision " + rolledBackTo;
    }

    /** Where the rollouts under way stand, for a run that stops waiting for them. */
    static String standing(List<RolloutProgress> driving) {
        return String.join("; ", driving.stream().map(p -> p.deployment() + " " + p.updated() + "/" + p.replicas()
                + " updated, " + p.available() + " available").toList());
    }
}
