package dev.berth.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ObservedPodTest {

    static ObservedContainer container(String pod, String container, String status, int exitCode, String health) {
        Map<String, String> labels = new HashMap<>(Map.of(BerthLabels.MANAGED, "true", BerthLabels.NAMESPACE, "default",
                BerthLabels.DEPLOYMENT, "web", BerthLabels.POD, pod, BerthLabels.CONTAINER, container, "app", "web"));
        return new ObservedContainer(pod + "-" + container + "0000000000", "default_" + pod + "_" + container,
                "reg/web:v1", labels, status, exitCode, false, health, 2,
                Instant.parse("2026-01-01T00:00:00Z"), null, null, Map.of(), List.of());
    }

    @Test
    void containersOfOnePodAreGroupedAndUnmanagedOnesIgnored() {
        ObservedContainer stranger = new ObservedContainer("ffff", "postgres", "postgres:16", Map.of(), "running", 0,
                false, null, 0, null, null, null, Map.of(), List.of());
        List<ObservedPod> pods = ObservedPod.group("node-1", List.of(
                container("web-b", "app", "running", 0, null),
                container("web-a", "app", "running", 0, null),
                container("web-a", "sidecar", "running", 0, "healthy"),
                stranger));
        assertThat(pods).extracting(ObservedPod::name).containsExactly("web-a", "web-b");
        ObservedPod first = pods.get(0);
        assertThat(first.containers()).hasSize(2);
        assertThat(first.readyContainers()).isEqualTo(2);
        assertThat(first.restarts()).isEqualTo(4);
        assertThat(first.status()).isEqualTo("Running");
        assertThat(first.live()).isTrue();
        assertThat(first.labels()).isEqualTo(Map.of("app", "web"));
        assertThat(first.node()).isEqualTo("node-1");
    }

    @Test
    void statusWordsFollowKubectl() {
        assertThat(pod("exited", 1, null).status()).isEqualTo("Error");
        assertThat(pod("exited", 0, null).status()).isEqualTo("Completed");
        assertThat(pod("restarting", 1, null).status()).isEqualTo("CrashLoopBackOff");
        assertThat(pod("created", 0, null).status()).isEqualTo("ContainerCreating");
        assertThat(pod("exited", 1, null).live()).isFalse();
    }

    @Test
    void anUnhealthyContainerRunsButIsNotReady() {
        ObservedPod pod = pod("running", 0, "unhealthy");
        assertThat(pod.status()).isEqualTo("Running");
        assertThat(pod.readyContainers()).isZero();
    }

    private static ObservedPod pod(String status, int exitCode, String health) {
        return ObservedPod.group("node-1", List.of(container("web-a", "app", status, exitCode, health))).get(0);
    }
}
