package dev.berth.plan;

import dev.berth.model.Deployment;
import dev.berth.model.IntOrString;

/**
 * How far a rolling update may go above and below a Deployment's replicas, as counts, resolved the way
 * Kubernetes resolves its fenceposts: {@code maxSurge} rounds up and {@code maxUnavailable} rounds down (as a
 * percentage of the replicas); if both come out 0, one replica may be unavailable, or the rollout could never
 * start; {@code maxUnavailable} is at most the replicas. {@code Recreate} has no surge and may lose every
 * replica.
 *
 * @param maxSurge       how many alive replicas there may be above the desired count
 * @param maxUnavailable how many of the desired replicas may be unavailable
 */
record RolloutLimits(int maxSurge, int maxUnavailable) {
    private static final IntOrString QUARTER = IntOrString.of("25%");

    static RolloutLimits of(Deployment.Spec spec) {
        int replicas = spec.replicas();
        if (recreates(spec)) {
            return new RolloutLimits(0, replicas);
        }
        Deployment.RollingUpdate rolling = spec.strategy() == null ? null : spec.strategy().rollingUpdate();
        IntOrString surgeValue = rolling == null || rolling.maxSurge() == null ? QUARTER : rolling.maxSurge();
        IntOrString unavailableValue = rolling == null || rolling.maxUnavailable() == null
                ? QUARTER : rolling.maxUnavailable();
        int surge = Math.max(0, surgeValue.resolve(replicas, true));
        int unavailable = Math.max(0, unavailableValue.resolve(replicas, false));
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        return new RolloutLimits(surge, Math.min(unavailable, replicas));
    }

    /** Whether the Deployment replaces its replicas all at once ({@code strategy.type: Recreate}). */
    static boolean recreates(Deployment.Spec spec) {
        return spec.strategy() != null && Deployment.Strategy.RECREATE.equals(spec.strategy().type());
    }

    /** The fewest replicas that must stay available while the rollout runs. */
    int minAvailable(int replicas) {
        return replicas - maxUnavailable;
    }
}
