package dev.berth.plan;

import dev.berth.model.Container;
import dev.berth.model.Deployment;
import dev.berth.model.IntOrString;
import dev.berth.model.LabelSelector;
import dev.berth.model.ObjectMeta;
import dev.berth.model.PodSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds Deployments for tests: {@code new DeploymentSpec("web").replicas(3).container(...).build()}. */
final class DeploymentSpec {
    private final String name;
    private String namespace = "default";
    private int replicas = 1;
    private final List<Container> containers = new ArrayList<>();
    private final List<PodSpec.Volume> volumes = new ArrayList<>();
    private final Map<String, String> nodeSelector = new LinkedHashMap<>();
    private int grace = 30;
    private Deployment.Strategy strategy = new Deployment.Strategy(Deployment.Strategy.ROLLING_UPDATE,
            new Deployment.RollingUpdate(IntOrString.of("25%"), IntOrString.of("25%")));
    private int minReadySeconds;
    private boolean paused;

    DeploymentSpec(String name) {
        this.name = name;
    }

    DeploymentSpec namespace(String namespace) {
        this.namespace = namespace;
        return this;
    }

    DeploymentSpec replicas(int replicas) {
        this.replicas = replicas;
        return this;
    }

    DeploymentSpec container(ContainerSpec container) {
        containers.add(container.build());
        return this;
    }

    DeploymentSpec volume(PodSpec.Volume volume) {
        volumes.add(volume);
        return this;
    }

    DeploymentSpec nodeSelector(String label, String value) {
        nodeSelector.put(label, value);
        return this;
    }

    DeploymentSpec grace(int seconds) {
        this.grace = seconds;
        return this;
    }

    DeploymentSpec rollingUpdate(IntOrString maxSurge, IntOrString maxUnavailable) {
        this.strategy = new Deployment.Strategy(Deployment.Strategy.ROLLING_UPDATE,
                new Deployment.RollingUpdate(maxSurge, maxUnavailable));
        return this;
    }

    DeploymentSpec rollingUpdate(int maxSurge, int maxUnavailable) {
        return rollingUpdate(IntOrString.of(maxSurge), IntOrString.of(maxUnavailable));
    }

    DeploymentSpec recreate() {
        this.strategy = new Deployment.Strategy(Deployment.Strategy.RECREATE, null);
        return this;
    }

    DeploymentSpec minReadySeconds(int seconds) {
        this.minReadySeconds = seconds;
        return this;
    }

    DeploymentSpec paused(boolean paused) {
        this.paused = paused;
        return this;
    }

    Deployment build() {
        Map<String, String> labels = Map.of("app", name);
        Deployment.Spec spec = new Deployment.Spec(replicas, new LabelSelector(labels, List.of()),
                strategy, minReadySeconds, 10, 600, paused,
                new Deployment.PodTemplate(new Deployment.TemplateMeta(labels, Map.of()),
                        new PodSpec(containers, volumes, nodeSelector, "Always", grace)));
        return new Deployment(Deployment.API_VERSION, Deployment.KIND,
                new ObjectMeta(name, namespace, Map.of(), Map.of()), spec);
    }
}
