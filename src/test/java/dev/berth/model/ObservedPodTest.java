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
        assertThat(first.running()).isTrue();
        assertThat(first.labels()).isEqualTo(Map.of("app", "web"));
        assertThat(first.node()).isEqualTo("node-1");
    }

    @Test
    void statusWordsFollowKubectl() {
        assertThat(pod("exited", 1, null).status()).isEqualTo("Error");
        assertThat(pod("exited", 0, null).status()).isEqualTo("Completed");
        assertThat(pod("restarting", 1, null).status()).isEqualTo("CrashLoopBackOff");
        assertThat(pod("created", 0, null).status()).isEqualTo("ContainerCreating");
        assertThat(pod("exited", 1, null).running()).isFalse();
    }

    @Test
    void anUnhealthyContainerRunsButIsNotReady() {
        ObservedPod pod = pod("running", 0, "unhealthy");
        assertThat(pod.status()).isEqualTo("Running");
        assertThat(pod.readyContainers()).isZero();
    }

    @Test
    void aReplicaIsReadyOnlyWhenEveryContainerRunsAndPassesItsReadinessProbe() {
        assertThat(pod("running", 0, null).ready()).isTrue();
        assertThat(pod("running", 0, "healthy").ready()).isTrue();
        assertThat(pod("running", 0, "starting").ready()).isFalse();
        assertThat(pod("running", 0, "unhealthy").ready()).isFalse();
        assertThat(pod("restarting", 1, null).ready()).isFalse();
    }

    @Test
    void berthsProbeResultReplacesDockersWordAndSaysWhatItSaw() {
        ObservedContainer probed = container("web-a", "app", "running", 0, "healthy")
                .withHealth("unhealthy", "HTTP probe failed with statuscode: 500");

        assertThat(probed.health()).isEqualTo("unhealthy");
        assertThat(probed.healthDetail()).isEqualTo("HTTP probe failed with statuscode: 500");
        assertThat(container("web-a", "app", "running", 0, "healthy").healthDetail()).isNull();
    }

    @Test
    void aRestartingOrPausedReplicaIsAliveButNotRunning() {
        assertThat(pod("restarting", 1, null).alive()).isTrue();
        assertThat(pod("restarting", 1, null).running()).isFalse();
        assertThat(pod("paused", 0, null).alive()).isTrue();
        assertThat(pod("exited", 3, null).alive()).isFalse();
        assertThat(pod("exited", 3, null).deathReason()).isEqualTo("dead (exited 3)");
    }

    @Test
    void aPodIsCreatedWhenItsOldestContainerWas() {
        ObservedContainer app = container("web-a", "app", "running", 0, null);
        ObservedContainer sidecar = new ObservedContainer("s", "default_web-a_sidecar", "reg/side:v1", app.labels(),
                "running", 0, false, null, 0, Instant.parse("2025-12-31T00:00:00Z"), null, null, Map.of(), List.of());
        ObservedPod pod = ObservedPod.group("node-1", List.of(app, sidecar)).get(0);
        assertThat(pod.createdAt()).isEqualTo(Instant.parse("2025-12-31T00:00:00Z"));
        assertThat(pod.containers()).extracting(ObservedContainer::name)
                .containsExactly("default_web-a_app", "default_web-a_sidecar");
    }

    @Test
    void theDeploymentIsItsNameInThePodsNamespaceAndAbsentForBerthsOwnHelpers() {
        assertThat(pod("running", 0, null).deployment()).isEqualTo("web");
        assertThat(pod("running", 0, null).namespace()).isEqualTo("default");
        ObservedContainer proxy = new ObservedContainer("p", "berth-proxy", "nginx:1", Map.of(BerthLabels.MANAGED,
                "true"), "running", 0, false, null, 0, null, null, null, Map.of(), List.of());
        ObservedPod helper = ObservedPod.group("node-1", List.of(proxy)).get(0);
        assertThat(helper.deployment()).isNull();
        assertThat(helper.createdAt()).isNull();
        assertThat(helper.specHash()).isEmpty();
    }

    @Test
    void aReplicaIsReadyWhenEveryContainerRunsAndPassesItsCheck() {
        assertThat(pod("running", 0, null).ready()).isTrue();
        assertThat(pod("running", 0, "healthy").ready()).isTrue();
        assertThat(pod("running", 0, "starting").ready()).isFalse();
        assertThat(pod("running", 0, "unhealthy").ready()).isFalse();
        assertThat(pod("restarting", 1, null).ready()).isFalse();
        assertThat(pod("paused", 0, null).ready()).isFalse();
    }

    @Test
    void aReadyReplicaIsAvailableOnceItHasRunMinReadySeconds() {
        Instant started = Instant.parse("2026-01-01T00:00:10Z");
        ObservedContainer app = container("web-a", "app", "running", 0, "healthy");
        ObservedPod pod = ObservedPod.group("node-1", List.of(new ObservedContainer(app.id(), app.name(), app.image(),
                app.labels(), "running", 0, false, "healthy", 0, app.createdAt(), started, null, Map.of(),
                List.of()))).get(0);

        assertThat(pod.available(0, started)).isTrue();
        assertThat(pod.available(10, started.plusSeconds(9))).isFalse();
        assertThat(pod.available(10, started.plusSeconds(10))).isTrue();
        assertThat(pod.available(10, Instant.MAX)).isTrue();
        assertThat(pod("running", 0, "starting").available(0, Instant.MAX)).isFalse();
    }

    @Test
    void aContainerOfUnknownStartHasRunLongEnoughOnlyWhenNoneIsAsked() {
        ObservedPod pod = pod("running", 0, null);

        assertThat(pod.available(0, Instant.MAX)).isTrue();
        assertThat(pod.available(5, Instant.MAX)).isFalse();
    }

    private static ObservedPod pod(String status, int exitCode, String health) {
        return ObservedPod.group("node-1", List.of(container("web-a", "app", status, exitCode, health))).get(0);
    }
}
