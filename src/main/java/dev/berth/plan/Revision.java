package dev.berth.plan;

/**
 * A revision of a Deployment's pod template: its number (1, 2, ...) and its spec hash. The caller keeps
 * the mapping in the cluster-held record; the planner returns the revision it assigned.
 */
public record Revision(long number, String specHash) {
}
