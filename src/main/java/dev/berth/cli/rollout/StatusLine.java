package dev.berth.cli.rollout;

import dev.berth.plan.RolloutProgress;

/** kubectl's sentence for how far a Deployment's rollout has come, as {@code rollout status} prints it. */
final class StatusLine {
    private StatusLine() {
    }

    /** E.g. {@code Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...}. */
    static String of(String name, RolloutProgress progress) {
        String waiting = "Waiting for deployment \"" + name + "\" rollout to finish: ";
        if (progress.complete()) {
            return "deployment \"" + name + "\" successfully rolled out";
        }
        if (progress.updated() < progress.replicas()) {
            return waiting + progress.updated() + " out of " + progress.replicas()
                    + " new replicas have been updated...";
        }
        if (progress.total() > progress.updated()) {
            return waiting + (progress.total() - progress.updated()) + " old replicas are pending termination...";
        }
        return waiting + progress.available() + " of " + progress.updated() + " updated replicas are available...";
    }

    /** Why {@code rollout status} cannot wait for a paused Deployment, and what carries its rollout on. */
    static String paused(String name, RolloutProgress progress) {
        return "deployment \"" + name + "\" is paused with " + progress.updated() + " of " + progress.replicas()
                + " replicas updated; berth rollout resume deployment/" + name + " carries its rollout on";
    }
}
