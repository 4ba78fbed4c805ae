package dev.berth.proxy;

import dev.berth.manifest.InputFiles;
import dev.berth.manifest.ManifestInput;
import dev.berth.manifest.ManifestLoader;
import dev.berth.manifest.ManifestSet;
import dev.berth.model.BerthLabels;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import dev.berth.model.PublishedPort;
import dev.berth.model.Resource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Observed replicas and desired objects for the proxy's tests, written as briefly as the tests read. */
final class Replicas {
    static final Map<String, String> ADDRESSES = Map.of("node-1", "10.0.0.11", "node-2", "10.0.0.12",
            "node-3", "10.0.0.13");

    private Replicas() {
    }

    /**
     * A replica of Deployment {@code deployment} in namespace default, labelled {@code app=DEPLOYMENT}, publishing
     * each {@code containerPort=hostPort} of {@code ports} on its node's address.
     */
    static ObservedPod pod(String node, String deployment, String suffix, boolean ready, String... ports) {
        return pod("default", node, deployment, suffix, ready, Map.of(), ports);
    }

    static ObservedPod pod(String namespace, String node, String deployment, String suffix, boolean ready,
                           Map<String, String> extraLabels, String... ports) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", deployment);
        labels.put(BerthLabels.MANAGED, "true");
        labels.put(BerthLabels.NAMESPACE, namespace);
        labels.put(BerthLabels.DEPLOYMENT, deployment);
        String pod = deployment + "-5d8c7f9b2a-" + suffix;
        labels.put(BerthLabels.POD, pod);
        labels.putAll(extraLabels);
        List<PublishedPort> published = new ArrayList<>();
        for (String port : ports) {
            String[] parts = port.split("=");
            String protocol = parts[0].endsWith("/udp") ? "udp" : "tcp";
            published.add(new PublishedPort(ADDRESSES.get(node), Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[0].replace("/udp", "")), protocol));
        }
        ObservedContainer container = new ObservedContainer("id-" + pod, namespace + "_" + pod + "_app", "app:v1",
                labels, "running", 0, false, ready ? null : "unhealthy", 0, Instant.EPOCH, Instant.EPOCH, null,
                Map.of("berth", "172.18.0.2"), published);
        return new ObservedPod(namespace, pod, deployment, node, List.of(container));
    }

    /** The objects of a YAML text, which must be valid. */
    static List<Resource> objects(String yaml) {
        ManifestSet set = new ManifestLoader().load(new InputFiles.Read(
                List.of(new ManifestInput("test.yaml", yaml.getBytes(StandardCharsets.UTF_8))), List.of()));
        assertThat(set.errors()).isEmpty();
        return set.resources();
    }

    static <T> List<T> only(List<Resource> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
