package dev.berth.cli.observe;

import dev.berth.plan.PendingReplica;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A replica the desired state asks for that no node runs, because none can take it: shown by {@code get pods}
 * and {@code describe} the way kubectl shows an unscheduled pod. Its name is made up for display only:
 * {@code <deployment>-<spec hash>-pending-<n>}; no container of that name exists anywhere.
 */
record PendingPod(String namespace, String name, String deployment, int containers, Map<String, String> labels,
                  String reason) {

    PendingPod {
        labels = Map.copyOf(labels);
    }

    /** One pending pod per pending replica of each Deployment. */
    static List<PendingPod> of(List<DeploymentStatus> deployments, Map<String, String> specHashes) {
        List<PendingPod> pods = new ArrayList<>();
        for (DeploymentStatus status : deployments) {
            String hash = specHashes.getOrDefault(status.key(), "unknown");
            for (int i = 0; i < status.pending().size(); i++) {
                pods.add(new PendingPod(status.namespace(), PendingReplica.podName(status.name(), hash, i + 1),
                        status.name(), status.deployment().spec().template().spec().containers().size(),
                        status.deployment().spec().template().metadata().labels(), status.pending().get(i)));
            }
        }
        return List.copyOf(pods);
    }
}
