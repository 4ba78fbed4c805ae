package dev.berth.lab;

import dev.berth.error.ClusterException;
import dev.berth.error.InvalidInputException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Brings a lab up and down. Both converge, so running either twice is fine: {@code up} reuses what
 * runs, replaces what is outdated (another key, a rebuilt node image), starts what is stopped, and
 * adds or removes nodes to reach the wanted count; {@code down} removes whatever is left.
 */
public final class LabControl {
    /** The registry port the default lab publishes on this machine's loopback, when it is free. */
    public static final int DEFAULT_REGISTRY_PORT = 5000;
    public static final int MAX_NODES = 50;
    private static final Duration NODE_READY_TIMEOUT = Duration.ofSeconds(120);

    private final LabName lab;
    private final LabFiles files;
    private final LocalProcess processes;
    private final LabDocker docker;
    private final HostProbe probe;
    private final Consumer<String> progress;

    public LabControl(LabName lab, LabFiles files, LocalProcess processes, Map<String, String> variables,
                      Consumer<String> progress) {
        this.lab = lab;
        this.files = files;
        this.processes = processes;
        this.docker = new LabDocker(processes);
        this.probe = new HostProbe(processes, variables);
        this.progress = progress;
    }

    /**
     * Brings the lab to {@code nodeCount} ready nodes and a registry holding the app images.
     *
     * @param registryPort the loopback port to publish the registry on; -1 for the default
     *                     (5000 for the lab named "lab" when free, otherwise any free port)
     */
    public LabStatus up(int nodeCount, int registryPort) {
        if (nodeCount < 1 || nodeCount > MAX_NODES) {
            throw new InvalidInputException("--nodes must be between 1 and " + MAX_NODES + ", got " + nodeCount);
        }
        requireEngine();
        HostFacts facts = probe.look();
        ImageBuilder images = new ImageBuilder(processes, progress);
        ImageNeeds needs = images.needs();
        Preflight.up(facts, needs).ifPresent(problem -> {
            throw problem;
        });
        images.build(needs);

        Subnet subnet = new LabNetwork(lab, docker, progress).ensure();
        String pushAddress = ensureRegistry(subnet, registryPort);
        RegistryPublisher publisher = new RegistryPublisher(docker, progress);
        publisher.awaitReady(pushAddress, Duration.ofSeconds(30));
        publisher.publish(pushAddress, LabImages.APPS);

        LabKey key = LabKey.ensure(files, lab, processes);
        List<LabNodeSpec> nodes = new ArrayList<>();
        for (int i = 1; i <= nodeCount; i++) {
            nodes.add(LabNodeSpec.of(i, subnet));
        }
        new NodeConvergence(lab, docker, progress).converge(nodes, key);
        NodeReadiness readiness = new NodeReadiness(docker);
        List<PinnedHostKeys.Entry> hostKeys = new ArrayList<>();
        for (LabNodeSpec node : nodes) {
            String container = lab.nodeContainer(node.index());
            readiness.await(node.name(), container, node.address(), NODE_READY_TIMEOUT);
            hostKeys.add(new PinnedHostKeys.Entry(node.address(),
                    docker.require("reading the host keys of " + node.name(), LabDockerCommands.readHostKeys(container))));
            progress.accept("lab: " + node.name() + " ready (" + node.address() + ")");
        }
        files.write(files.knownHosts(), PinnedHostKeys.render(hostKeys));
        files.write(files.inventory(), LabInventory.render(lab, files.privateKey(), files.knownHosts(), nodes));
        return status();
    }

    /** Removes the lab's containers (with the nodes' engine storage), its network and its files. */
    public boolean down(boolean purge) {
        requireEngine();
        LabContainers containers = docker.containers(lab);
        if (!containers.isEmpty()) {
            progress.accept("lab: removing " + String.join(", ", containers.names()));
            docker.require("removing the lab's containers", LabDockerCommands.remove(containers.names()));
        }
        boolean existed = !containers.isEmpty() || files.exist();
        existed |= new LabNetwork(lab, docker, progress).remove();
        files.delete();
        if (purge) {
            docker.attempt(LabDockerCommands.removeVolume(lab.registryVolume()));
        }
        return existed;
    }

    public LabStatus status() {
        requireEngine();
        return new LabStatusReader(docker).read(lab, files);
    }

    public NodeFaults faults() {
        requireEngine();
        return new NodeFaults(lab, docker);
    }

    private void requireEngine() {
        Preflight.engine(probe.lookAtEngine()).ifPresent(problem -> {
            throw problem;
        });
    }

    private String ensureRegistry(Subnet subnet, int requestedPort) {
        var registry = docker.containers(lab).registry();
        if (registry.isPresent() && !registry.get().running()) {
            docker.require("starting the registry", LabDockerCommands.start(lab.registryContainer()));
        }
        if (registry.isEmpty()) {
            int port = requestedPort >= 0 ? requestedPort
                    : lab.value().equals("lab") && free(DEFAULT_REGISTRY_PORT) ? DEFAULT_REGISTRY_PORT : 0;
            progress.accept("lab: starting the registry " + LabImages.REGISTRY_SERVER);
            docker.require("starting the registry", LabDockerCommands.runRegistry(lab, subnet, port));
        }
        String published = docker.require("reading the registry's port", LabDockerCommands.registryPort(lab));
        return published.lines().findFirst()
                .orElseThrow(() -> new ClusterException("lab: the registry publishes no port"));
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
