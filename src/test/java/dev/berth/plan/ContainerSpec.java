package dev.berth.plan;

import dev.berth.model.Container;
import dev.berth.model.Probe;
import dev.berth.model.Quantity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds template containers for tests: {@code new ContainerSpec("app", "nginx:1.27").requests("500m", "1Gi")}. */
final class ContainerSpec {
    private final String name;
    private final String image;
    private String pullPolicy = "IfNotPresent";
    private List<String> command = List.of();
    private List<String> args = List.of();
    private String workingDir;
    private final List<Container.Port> ports = new ArrayList<>();
    private final List<Container.EnvVar> env = new ArrayList<>();
    private final List<Container.EnvFrom> envFrom = new ArrayList<>();
    private final Map<String, Quantity> requests = new LinkedHashMap<>();
    private final Map<String, Quantity> limits = new LinkedHashMap<>();
    private final List<Container.VolumeMount> mounts = new ArrayList<>();
    private Probe liveness;
    private Probe readiness;
    private Probe startup;

    ContainerSpec(String name, String image) {
        this.name = name;
        this.image = image;
    }

    ContainerSpec pullPolicy(String policy) {
        this.pullPolicy = policy;
        return this;
    }

    ContainerSpec command(String... words) {
        this.command = List.of(words);
        return this;
    }

    ContainerSpec args(String... words) {
        this.args = List.of(words);
        return this;
    }

    ContainerSpec workingDir(String directory) {
        this.workingDir = directory;
        return this;
    }

    ContainerSpec port(int containerPort) {
        ports.add(new Container.Port(null, containerPort, null, "TCP"));
        return this;
    }

    ContainerSpec namedPort(String name, int containerPort) {
        ports.add(new Container.Port(name, containerPort, null, "TCP"));
        return this;
    }

    ContainerSpec hostPort(int hostPort, int containerPort, String protocol) {
        ports.add(new Container.Port(null, containerPort, hostPort, protocol));
        return this;
    }

    ContainerSpec env(String variable, String value) {
        env.add(new Container.EnvVar(variable, value, null));
        return this;
    }

    ContainerSpec envFromConfigMap(String variable, String configMap, String key) {
        env.add(new Container.EnvVar(variable, null,
                new Container.EnvSource(new Container.KeyRef(configMap, key, null), null)));
        return this;
    }

    ContainerSpec envFromSecret(String variable, String secret, String key) {
        env.add(new Container.EnvVar(variable, null,
                new Container.EnvSource(null, new Container.KeyRef(secret, key, null))));
        return this;
    }

    ContainerSpec allOfConfigMap(String prefix, String configMap) {
        envFrom.add(new Container.EnvFrom(prefix, new Container.NameRef(configMap, null), null));
        return this;
    }

    ContainerSpec allOfSecret(String secret) {
        envFrom.add(new Container.EnvFrom(null, null, new Container.NameRef(secret, null)));
        return this;
    }

    ContainerSpec requests(String cpu, String memory) {
        requests.put("cpu", Quantity.of(cpu));
        requests.put("memory", Quantity.of(memory));
        return this;
    }

    ContainerSpec limits(String cpu, String memory) {
        if (cpu != null) {
            limits.put("cpu", Quantity.of(cpu));
        }
        if (memory != null) {
            limits.put("memory", Quantity.of(memory));
        }
        return this;
    }

    ContainerSpec mount(String volume, String path, boolean readOnly, String subPath) {
        mounts.add(new Container.VolumeMount(volume, path, readOnly, subPath));
        return this;
    }

    ContainerSpec liveness(Probe probe) {
        this.liveness = probe;
        return this;
    }

    ContainerSpec readiness(Probe probe) {
        this.readiness = probe;
        return this;
    }

    ContainerSpec startup(Probe probe) {
        this.startup = probe;
        return this;
    }

    Container build() {
        Container.Resources resources = requests.isEmpty() && limits.isEmpty() ? null
                : new Container.Resources(requests, limits);
        return new Container(name, image, pullPolicy, command, args, workingDir, ports, env, envFrom, resources,
                mounts, liveness, readiness, startup);
    }
}
