package dev.berth.plan;

/**
 * A replica the plan could not start, and why, e.g. {@code 0/3 nodes fit: 2 insufficient memory, 1 cordoned}
 * or {@code configmap "web-config" not found}.
 *
 * @param deployment {@code namespace/name}
 */
public record PendingReplica(String deployment, String reason) {

    /**
     * The name a pending replica is shown by, as no container carries one:
     * {@code <deployment>-<spec hash>-pending-<n>}, {@code n} counting the Deployment's pending replicas from 1.
     */
    public static String podName(String deploymentName, String specHash, int number) {
        return deploymentName + "-" + specHash + "-pending-" + number;
    }

    /**
     * Whether some node turned the replica down for lack of free cpu or memory: a node with more room could take
     * it. A replica held back only by a node selector, a cordon, a volume or a missing ConfigMap could not.
     */
    public boolean lacksRoom() {
        return reason.contains("insufficient cpu") || reason.contains("insufficient memory");
    }
}
