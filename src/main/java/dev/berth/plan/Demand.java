package dev.berth.plan;

import java.util.Map;
import java.util.Set;

/**
 * What one new replica needs from a node.
 *
 * @param deployment   {@code namespace/name}
 * @param specHash     replicas of the same Deployment and hash spread over nodes before doubling up
 * @param hostPorts    ports the replica publishes on fixed host ports, as {@code port/protocol}
 * @param claimVolumes Docker volumes of the PersistentVolumeClaims it mounts; a replica goes where they are
 */
record Demand(String deployment, String specHash, long cpuMillis, long memoryBytes,
              Map<String, String> nodeSelector, Set<String> hostPorts, Set<String> claimVolumes) {
}
