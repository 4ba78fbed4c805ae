package dev.berth.plan;

/**
 * One step of a rolling update in counts, as Kubernetes' Deployment controller takes it: how many replicas of
 * the new template may start now, and how many of the old ones may go.
 *
 * <ul>
 *   <li>New replicas start while the alive ones (old and new, counting those starting) stay within
 *       {@code replicas + maxSurge}, and never beyond {@code replicas} new ones.</li>
 *   <li>Old replicas go only while {@code old + newAvailable - minAvailable > 0}, so that new replicas that
 *       are not available never let old ones go. Within that, the unavailable old ones go first: they serve
 *       nothing, so removing them costs no availability.</li>
 *   <li>Then available old replicas go, as many as keep every available replica (old and new) at or above
 *       {@code minAvailable = replicas - maxUnavailable}.</li>
 * </ul>
 * Replicas started in this step are not available yet, so they never let an old replica go in the same step.
 *
 * @param newToStart         replicas of the new template to start
 * @param unavailableToRemove old replicas that are not available, to remove
 * @param availableToRemove  old replicas that are available, to remove
 */
record RolloutWave(int newToStart, int unavailableToRemove, int availableToRemove) {

    /**
     * The alive replicas of a Deployment by template and availability.
     *
     * @param oldPods      alive replicas of any earlier template
     * @param oldAvailable of those, the available ones
     * @param newPods      alive replicas of the current template
     * @param newAvailable of those, the available ones
     */
    record Counts(int oldPods, int oldAvailable, int newPods, int newAvailable) {
    }

    static RolloutWave next(int replicas, RolloutLimits limits, Counts pods) {
        int alive = pods.oldPods() + pods.newPods();
        int start = clamp(Math.min(replicas + limits.maxSurge() - alive, replicas - pods.newPods()));
        int minAvailable = limits.minAvailable(replicas);
        int removable = clamp(pods.oldPods() + pods.newAvailable() - minAvailable);
        int unavailable = Math.min(pods.oldPods() - pods.oldAvailable(), removable);
        int available = Math.min(pods.oldAvailable(),
                clamp(pods.oldAvailable() + pods.newAvailable() - minAvailable));
        return new RolloutWave(start, unavailable, available);
    }

    private static int clamp(int count) {
        return Math.max(0, count);
    }
}
