package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Shape;
import dev.berth.manifest.yaml.SequenceNode;
import dev.berth.model.Container;
import dev.berth.model.PodSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the pod spec of a Deployment's template: containers, volumes and where they may run. */
final class PodSpecReader {
    static final Shape SHAPE = Shape.of("containers", "volumes", "nodeSelector", "restartPolicy",
                    "terminationGracePeriodSeconds")
            .unsupported("initContainers", "ephemeralContainers", "affinity", "tolerations", "hostNetwork", "hostPID",
                    "hostIPC", "serviceAccountName", "serviceAccount", "automountServiceAccountToken",
                    "securityContext", "imagePullSecrets", "dnsPolicy", "dnsConfig", "hostname", "subdomain",
                    "hostAliases", "priorityClassName", "priority", "schedulerName", "nodeName", "runtimeClassName",
                    "topologySpreadConstraints", "shareProcessNamespace", "enableServiceLinks",
                    "activeDeadlineSeconds", "os", "overhead", "preemptionPolicy", "readinessGates",
                    "setHostnameAsFQDN", "resourceClaims", "schedulingGates", "hostUsers");

    private PodSpecReader() {
    }

    static PodSpec read(Fields spec) {
        List<PodSpec.Volume> volumes = VolumeReader.readAll(spec);
        Set<String> volumeNames = new java.util.HashSet<>();
        volumes.forEach(v -> volumeNames.add(v.name()));
        List<Container> containers = containers(spec, volumeNames);
        Map<String, String> nodeSelector = MetadataReader.labels(spec, "nodeSelector");
        spec.string("restartPolicy", value -> value.equals("Always") ? null
                : "must be Always for a Deployment (its replicas are always restarted), got \"" + value + "\"");
        Integer grace = spec.integer("terminationGracePeriodSeconds", 0, Integer.MAX_VALUE);
        return new PodSpec(containers, volumes, nodeSelector, "Always", grace == null ? 30 : grace);
    }

    private static List<Container> containers(Fields spec, Set<String> volumeNames) {
        if (!spec.has("containers")) {
            return spec.missing("containers");
        }
        if (spec.node("containers").filter(n -> n instanceof SequenceNode s && s.items().isEmpty()).isPresent()) {
            spec.error("containers", "must name at least one container");
        }
        List<Fields> items = spec.objects("containers", ContainerReader.SHAPE);
        List<Container> containers = new ArrayList<>();
        Map<String, String> namesSeen = new HashMap<>();
        Map<Integer, String> hostPortsSeen = new HashMap<>();
        for (Fields item : items) {
            Container container = ContainerReader.read(item, volumeNames);
            if (container.name() != null && namesSeen.putIfAbsent(container.name(), item.path()) != null) {
                item.error("name", "duplicate container name \"" + container.name() + "\"");
            }
            for (Container.Port port : container.ports()) {
                if (port.hostPort() != null && hostPortsSeen.putIfAbsent(port.hostPort(), item.path()) != null) {
                    item.error("ports", "hostPort " + port.hostPort() + " is used twice in this pod");
                }
            }
            containers.add(container);
        }
        return containers;
    }
}
