package dev.berth.cli.observe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.model.BerthLabels;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import dev.berth.model.PublishedPort;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A replica as a Kubernetes v1 Pod ({@code get pod NAME -o yaml}): {@code spec.nodeName} is the node it runs on,
 * {@code status.containerStatuses} what that node's docker says of each container. The label
 * {@code pod-template-hash} carries the hash of the template it was made from, as a ReplicaSet's pods carry it.
 */
final class PodObject {
    static final String TEMPLATE_HASH = "pod-template-hash";

    private PodObject() {
    }

    static ObjectNode of(ObservedPod pod, String hostIp) {
        ObjectNode object = KubernetesObjects.object("v1", "Pod");
        Map<String, String> labels = new LinkedHashMap<>(pod.labels());
        if (!pod.specHash().isEmpty()) {
            labels.put(TEMPLATE_HASH, pod.specHash());
        }
        KubernetesObjects.metadata(object, "Pod", pod.name(), pod.namespace(), labels, Map.of(), pod.createdAt(),
                null);
        ObjectNode spec = object.putObject("spec");
        spec.put("nodeName", pod.node());
        ArrayNode containers = spec.putArray("containers");
        pod.containers().forEach(container -> container(containers.addObject(), container));
        ObjectNode status = object.putObject("status");
        status.put("phase", phase(pod));
        ArrayNode conditions = status.putArray("conditions");
        Instant created = pod.createdAt();
        condition(conditions.addObject(), "Initialized", true, created);
        condition(conditions.addObject(), "Ready", pod.ready(), created);
        condition(conditions.addObject(), "ContainersReady", pod.ready(), created);
        condition(conditions.addObject(), "PodScheduled", true, created);
        if (hostIp != null && !hostIp.isEmpty()) {
            status.put("hostIP", hostIp);
        }
        pod.containers().stream().flatMap(c -> c.networkAddresses().values().stream())
                .filter(address -> address != null && !address.isEmpty()).findFirst()
                .ifPresent(address -> status.put("podIP", address));
        if (created != null) {
            status.put("startTime", KubernetesObjects.time(created));
        }
        ArrayNode statuses = status.putArray("containerStatuses");
        pod.containers().forEach(container -> containerStatus(statuses.addObject(), container));
        return object;
    }

    /** A replica no node runs: Pending and unschedulable, for the reason the planner gave. */
    static ObjectNode pending(PendingPod pod) {
        ObjectNode object = KubernetesObjects.object("v1", "Pod");
        KubernetesObjects.metadata(object, "Pod", pod.name(), pod.namespace(), pod.labels(), Map.of(), null, null);
        ObjectNode spec = object.putObject("spec");
        ArrayNode containers = spec.putArray("containers");
        pod.images().forEach((name, image) -> containers.addObject().put("name", name).put("image", image));
        ObjectNode status = object.putObject("status");
        status.put("phase", "Pending");
        if (pod.pulling()) {
            spec.put("nodeName", pod.node());
            ObjectNode scheduled = status.putArray("conditions").addObject();
            scheduled.put("type", "PodScheduled");
            scheduled.put("status", "True");
            ArrayNode statuses = status.putArray("containerStatuses");
            pod.images().forEach((name, image) -> {
                ObjectNode shown = statuses.addObject();
                shown.put("name", name);
                shown.put("image", image);
                shown.put("imageID", "");
                shown.put("ready", false);
                shown.put("restartCount", 0);
                shown.put("started", false);
                ObjectNode waiting = shown.putObject("state").putObject("waiting");
                waiting.put("reason", PendingPod.ERR_IMAGE_PULL);
                waiting.put("message", pod.reason());
            });
            return object;
        }
        ObjectNode scheduled = status.putArray("conditions").addObject();
        scheduled.put("type", "PodScheduled");
        scheduled.put("status", "False");
        scheduled.put("reason", "Unschedulable");
        scheduled.put("message", pod.reason());
        return object;
    }

    static String containerName(ObservedContainer container) {
        return Objects.requireNonNullElse(container.label(BerthLabels.CONTAINER), container.name());
    }

    private static void container(ObjectNode container, ObservedContainer observed) {
        container.put("name", containerName(observed));
        container.put("image", observed.image());
        if (!observed.ports().isEmpty()) {
            ArrayNode ports = container.putArray("ports");
            for (PublishedPort port : observed.ports()) {
                ObjectNode shown = ports.addObject();
                shown.put("containerPort", port.containerPort());
                shown.put("hostPort", port.hostPort());
                shown.put("protocol", port.protocol().toUpperCase(Locale.ROOT));
            }
        }
    }

    /** Kubernetes' phase: Running while a container lives, Succeeded or Failed once all stopped, else Pending. */
    static String phase(ObservedPod pod) {
        if (pod.alive()) {
            return pod.containers().stream().allMatch(c -> c.status().equals("created")) ? "Pending" : "Running";
        }
        boolean stopped = pod.containers().stream().allMatch(c -> c.status().equals("exited")
                || c.status().equals("dead"));
        if (!stopped) {
            return pod.containers().stream().anyMatch(c -> c.status().equals("created")) ? "Pending" : "Unknown";
        }
        return pod.containers().stream().allMatch(c -> c.exitCode() == 0 && !c.oomKilled()) ? "Succeeded"
                : "Failed";
    }

    private static void condition(ObjectNode condition, String type, boolean status, Instant since) {
        condition.put("type", type);
        condition.put("status", status ? "True" : "False");
        if (since != null) {
            condition.put("lastTransitionTime", KubernetesObjects.time(since));
        }
    }

    private static void containerStatus(ObjectNode status, ObservedContainer container) {
        status.put("name", containerName(container));
        ObjectNode state = status.putObject("state");
        switch (container.status()) {
            case "running", "paused" -> {
                ObjectNode running = state.putObject("running");
                if (container.startedAt() != null) {
                    running.put("startedAt", KubernetesObjects.time(container.startedAt()));
                }
            }
            case "restarting" -> waiting(state, "CrashLoopBackOff", "back-off restarting failed container");
            case "created" -> waiting(state, "ContainerCreating", null);
            default -> {
                ObjectNode terminated = state.putObject("terminated");
                terminated.put("exitCode", container.exitCode());
                terminated.put("reason", container.oomKilled() ? "OOMKilled"
                        : container.exitCode() == 0 ? "Completed" : "Error");
                if (container.startedAt() != null) {
                    terminated.put("startedAt", KubernetesObjects.time(container.startedAt()));
                }
                if (container.finishedAt() != null) {
                    terminated.put("finishedAt", KubernetesObjects.time(container.finishedAt()));
                }
            }
        }
        boolean running = container.running();
        status.put("ready", running && (container.health() == null || container.health().equals("healthy")));
        status.put("restartCount", container.restartCount());
        status.put("image", container.image());
        status.put("imageID", "");
        status.put("containerID", "docker://" + container.id());
        status.put("started", running);
    }

    private static void waiting(ObjectNode state, String reason, String message) {
        ObjectNode waiting = state.putObject("waiting");
        waiting.put("reason", reason);
        if (message != null) {
            waiting.put("message", message);
        }
    }
}
