package dev.berth.plan;

/**
 * How far a Deployment's rollout has come, as observed when the plan was made: what {@code rollout status}
 * prints, and what the command driving a rollout waits on. The counts are kubectl's.
 *
 * @param deployment {@code namespace/name}
 * @param revision   the revision of the current template
 * @param replicas   the desired replicas
 * @param updated    alive replicas of the current template
 * @param available  available replicas of any template: the ones serving
 * @param total      alive replicas of any template
 * @param paused     the Deployment is paused: its rollout does not advance
 * @param complete   every desired replica runs the current template and is available, and no replica of
 *                   another template is left
 */
public record RolloutProgress(String deployment, long revision, int replicas, int updated, int available,
                              int total, boolean paused, boolean complete) {
}
