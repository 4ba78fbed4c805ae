package dev.berth.plan;

import dev.berth.docker.ContainerRun;
import dev.berth.docker.ContainerRunCommand;
import dev.berth.archive.FileArchive;
import dev.berth.model.BerthLabels;
import dev.berth.model.Container;
import dev.berth.model.Deployment;
import dev.berth.model.PodSpec;
import dev.berth.model.PortNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One revision of a Deployment's pod template, resolved against the desired state's ConfigMaps, Secrets and
 * claims once, then stamped out as replicas: the files to write and the containers to run on a node. When
 * something it needs is missing (a ConfigMap that is not optional, say) no replica can start, and
 * {@link #problem()} says why.
 */
final class PodBlueprint {
    /** The Docker network every replica joins. */
    static final String NETWORK = "berth";

    private final Deployment deployment;
    private final String key;
    private final String namespace;
    private final String specHash;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, PodEnvironment> environments = new LinkedHashMap<>();
    private final Map<String, VolumeFiles> volumeFiles = new TreeMap<>();

    private PodBlueprint(Deployment deployment, DesiredState desired, String specHash) {
        this.deployment = deployment;
        this.key = DesiredState.key(deployment);
        this.namespace = DesiredState.namespace(deployment.metadata());
        this.specHash = specHash;
        PodSpec spec = spec();
        for (Container container : spec.containers()) {
            environments.put(container.name(), PodEnvironment.resolve(container, namespace, desired, problems));
            for (Container.VolumeMount mount : container.volumeMounts()) {
                if (mount.subPath() != null && !mount.subPath().isEmpty() && !RelativePath.safe(mount.subPath())) {
                    problems.add("subPath \"" + mount.subPath() + "\" must be relative and must not contain \"..\"");
                }
                if (filesVolume(spec, mount.name()) && !RelativePath.safe(Mounts.fromRoot(mount.mountPath()))) {
                    problems.add("mountPath \"" + mount.mountPath() + "\" of a ConfigMap or Secret volume must be "
                            + "below / and must not contain \"..\"");
                }
            }
        }
        for (PodSpec.Volume volume : spec.volumes()) {
            if (volume.configMap() != null || volume.secret() != null) {
                volumeFiles.put(volume.name(), VolumeFiles.of(volume, namespace, desired, problems));
            }
            if (volume.persistentVolumeClaim() != null && desired.claims().stream().noneMatch(claim ->
                    DesiredState.namespace(claim.metadata()).equals(namespace)
                            && claim.metadata().name().equals(volume.persistentVolumeClaim().claimName()))) {
                problems.add("persistentvolumeclaim \"" + volume.persistentVolumeClaim().claimName() + "\" not found");
            }
        }
    }

    private static boolean filesVolume(PodSpec spec, String name) {
        return spec.volumes().stream().anyMatch(volume -> volume.name().equals(name)
                && (volume.configMap() != null || volume.secret() != null));
    }

    static PodBlueprint of(Deployment deployment, DesiredState desired, String specHash) {
        return new PodBlueprint(deployment, desired, specHash);
    }

    /** Why no replica of this revision can start, or empty. */
    Optional<String> problem() {
        return problems.stream().findFirst();
    }

    String specHash() {
        return specHash;
    }

    int containerCount() {
        return spec().containers().size();
    }

    /** {@code <deployment>-<spec hash>-<suffix>}, like a Kubernetes pod of a ReplicaSet. */
    String podName(String suffix) {
        return deployment.metadata().name() + "-" + specHash + "-" + suffix;
    }

    /** What one replica asks of its node. */
    Demand demand() {
        Set<String> hostPorts = new LinkedHashSet<>();
        spec().containers().forEach(c -> c.ports().stream().filter(p -> p.hostPort() != null)
                .forEach(p -> hostPorts.add(p.hostPort() + "/" + Layout.protocol(p))));
        Set<String> claims = new LinkedHashSet<>();
        spec().volumes().stream().filter(v -> v.persistentVolumeClaim() != null)
                .forEach(v -> claims.add(Layout.claimVolume(namespace, v.persistentVolumeClaim().claimName())));
        long cpu = spec().containers().stream().mapToLong(c -> Requests.cpuMillis(c)).sum();
        long memory = spec().containers().stream().mapToLong(c -> Requests.memoryBytes(c)).sum();
        return new Demand(key, specHash, cpu, memory, spec().nodeSelector(), hostPorts, claims);
    }

    /** Images the node must pull before the replica starts ({@code imagePullPolicy: Always}). */
    List<String> imagesToPull() {
        return spec().containers().stream().filter(c -> "Always".equals(c.imagePullPolicy()))
                .map(Container::image).distinct().toList();
    }

    /**
     * The pulls that bring the template's images onto a node before a rollout stops anything, so that a wrong
     * tag fails first: {@code imagePullPolicy: Always} images are pulled, {@code IfNotPresent} ones only when
     * the node lacks them; {@code Never} images are left to the node.
     */
    List<Action.PullImage> prePulls(NodeView node) {
        Map<String, Boolean> images = new LinkedHashMap<>();
        spec().containers().stream().filter(c -> !"Never".equals(c.imagePullPolicy()))
                .forEach(c -> images.merge(c.image(), !"Always".equals(c.imagePullPolicy()), Boolean::logicalAnd));
        return images.entrySet().stream()
                .map(image -> new Action.PullImage(node.name(), image.getKey(), image.getValue())).toList();
    }

    /**
     * The env files to write, then the containers to run (the network owner first), for one new replica; each
     * container's ConfigMap and Secret files travel with its start.
     */
    List<Action> start(NodeView node, String pod, long revision) {
        Layout layout = new Layout(node.homeDirectory(), namespace, pod);
        List<Action> actions = new ArrayList<>();
        Mounts mounts = new Mounts(spec(), layout, volumeFiles);
        String owner = null;
        for (Container container : spec().containers()) {
            PodEnvironment environment = environments.get(container.name());
            String envFile = environment.hasSecrets() ? layout.envFile(container.name()) : null;
            if (envFile != null) {
                actions.add(new Action.WriteFile(node.name(), envFile, environment.secret(), 0600, true));
            }
            String name = Layout.containerName(namespace, pod, container.name());
            ContainerRun run = new ContainerRun(name, pod, owner, NETWORK, labels(pod, container, revision),
                    container, owner == null ? ports() : List.of(), environment.literal(), envFile,
                    mounts.of(container), "Never".equals(container.imagePullPolicy()),
                    terminationGrace(), node.address(), namespace + ".svc.cluster.local");
            FileArchive files = mounts.copiedIn(container);
            actions.add(new Action.RunContainer(node.name(), key, pod, name, container.image(),
                    ContainerRunCommand.argv(run, files), envFile, files));
            owner = owner == null ? name : owner;
        }
        return actions;
    }

    private Map<String, String> labels(String pod, Container container, long revision) {
        Map<String, String> labels = new TreeMap<>(deployment.spec().template().metadata() == null
                ? Map.of() : deployment.spec().template().metadata().labels());
        labels.keySet().removeIf(label -> label.startsWith(BerthLabels.PREFIX));
        labels.put(BerthLabels.MANAGED, "true");
        labels.put(BerthLabels.NAMESPACE, namespace);
        labels.put(BerthLabels.DEPLOYMENT, deployment.metadata().name());
        labels.put(BerthLabels.POD, pod);
        labels.put(BerthLabels.CONTAINER, container.name());
        labels.put(BerthLabels.SPEC_HASH, specHash);
        labels.put(BerthLabels.REVISION, Long.toString(revision));
        labels.put(BerthLabels.CPU_REQUEST, Long.toString(Requests.cpuMillis(container)));
        labels.put(BerthLabels.MEMORY_REQUEST, Long.toString(Requests.memoryBytes(container)));
        String ports = PortNames.of(spec().containers()).label();
        if (!ports.isEmpty()) {
            labels.put(BerthLabels.PORTS, ports);
        }
        return labels;
    }

    /** Every port of every container: the first container owns the replica's network and publishes them. */
    private List<Container.Port> ports() {
        return spec().containers().stream().flatMap(c -> c.ports().stream()).toList();
    }

    private int terminationGrace() {
        Integer grace = spec().terminationGracePeriodSeconds();
        return grace == null ? 30 : grace;
    }

    private PodSpec spec() {
        return deployment.spec().template().spec();
    }
}
