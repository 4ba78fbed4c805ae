package dev.berth.plan;

/**
 * A replica the plan could not start, and why, e.g. {@code 0/3 nodes fit: 2 insufficient memory, 1 cordoned}
 * or {@code configmap "web-config" not found}.
 *
 * @param deployment {@code namespace/name}
 */
public record PendingReplica(String deployment, String reason) {
}
