package dev.berth.cli.observe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.model.Deployment;
import dev.berth.model.IntOrString;

import java.time.Instant;

/**
 * A Deployment as Kubernetes prints it ({@code get deployment NAME -o yaml}): its stored metadata and spec,
 * server-set metadata made up stably, and a status with kubectl's counts and its Available and Progressing
 * conditions. Feeding it back to {@code apply} changes nothing: the loader ignores what a server sets.
 */
final class DeploymentObject {

    private DeploymentObject() {
    }

    static ObjectNode of(DeploymentStatus status) {
        Deployment deployment = status.deployment();
        ObjectNode object = KubernetesObjects.object(deployment.apiVersion(), deployment.kind());
        long generation = Math.max(1, status.revision());
        KubernetesObjects.metadata(object, Deployment.KIND, deployment.metadata(), status.namespace(),
                status.createdAt(), generation);
        object.set("spec", KubernetesObjects.JSON.valueToTree(deployment.spec()));
        ObjectNode shown = object.putObject("status");
        shown.put("observedGeneration", generation);
        counted(shown, "replicas", status.total());
        counted(shown, "updatedReplicas", status.updated());
        counted(shown, "readyReplicas", status.ready());
        counted(shown, "availableReplicas", status.available());
        counted(shown, "unavailableReplicas", Math.max(0, status.desired() - status.available()));
        conditions(shown.putArray("conditions"), status);
        return object;
    }

    /** Kubernetes leaves a count of zero out. */
    private static void counted(ObjectNode status, String field, int count) {
        if (count > 0) {
            status.put(field, count);
        }
    }

    private static void conditions(ArrayNode conditions, DeploymentStatus status) {
        Instant since = status.createdAt();
        boolean available = status.available() >= status.desired() - maxUnavailable(status);
        condition(conditions.addObject(), "Available", available,
                available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
                since);
        String replicaSet = status.name() + "-" + status.specHash();
        boolean complete = status.updated() == status.desired() && status.ready() == status.desired()
                && status.total() == status.desired();
        condition(conditions.addObject(), "Progressing", true,
                complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                complete ? "ReplicaSet \"" + replicaSet + "\" has successfully progressed."
                        : "ReplicaSet \"" + replicaSet + "\" is progressing.", since);
    }

    private static int maxUnavailable(DeploymentStatus status) {
        Deployment.Strategy strategy = status.deployment().spec().strategy();
        if (strategy == null || strategy.rollingUpdate() == null || strategy.rollingUpdate().maxUnavailable() == null) {
            return 0;
        }
        IntOrString limit = strategy.rollingUpdate().maxUnavailable();
        return limit.resolve(status.desired(), false);
    }

    static void condition(ObjectNode condition, String type, boolean status, String reason, String message,
                          Instant since) {
        condition.put("type", type);
        condition.put("status", status ? "True" : "False");
        if (since != null) {
            condition.put("lastUpdateTime", KubernetesObjects.time(since));
            condition.put("lastTransitionTime", KubernetesObjects.time(since));
        }
        condition.put("reason", reason);
        condition.put("message", message);
    }
}
