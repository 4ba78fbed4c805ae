package dev.berth.cli.observe;

import dev.berth.plan.PendingReplica;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A replica the desired state asks for that no node runs, shown by {@code get pods} and {@code describe} the way
 * kubectl shows such a pod: one no node can take is {@code Pending}, under a name made up for display only
 * ({@code <deployment>-<spec hash>-pending-<n>}; no container of that name exists anywhere); one whose start on a
 * node failed because its image could not be pulled is {@code ErrImagePull}, under the name it was started by.
 *
 * @param status {@code Pending} or {@code ErrImagePull}
 * @param node   the node it was to run on; {@code null} for none
 * @param images the image of each container, by container name; empty when unknown
 */
record PendingPod(String namespace, String name, String deployment, int containers, Map<String, String> labels,
                  String reason, String status, String node, Map<String, String> images) {
    static final String PENDING = "Pending";
    static final String ERR_IMAGE_PULL = "ErrImagePull";

    PendingPod {
        labels = Map.copyOf(labels);
        images = Map.copyOf(images);
    }

    PendingPod(String namespace, String name, String deployment, int containers, Map<String, String> labels,
               String reason) {
        this(namespace, name, deployment, containers, labels, reason, PENDING, null, Map.of());
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

    boolean pulling() {
        return status.equals(ERR_IMAGE_PULL);
    }
}
