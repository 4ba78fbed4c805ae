package dev.berth.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Makes the lab's node containers match the wanted nodes: removes surplus and outdated ones (made
 * from an older node image or for another key), starts stopped ones, heals partitioned ones and
 * creates missing ones, all started before any is awaited.
 */
final class NodeConvergence {
    private final LabName lab;
    private final LabDocker docker;
    private final Consumer<String> progress;

    NodeConvergence(LabName lab, LabDocker docker, Consumer<String> progress) {
        this.lab = lab;
        this.docker = docker;
        this.progress = progress;
    }

    void converge(List<LabNodeSpec> wanted, LabKey key) {
        LabContainers containers = docker.containers(lab);
        List<String> obsolete = new ArrayList<>();
        for (LabContainer node : containers.nodes()) {
            if (node.index() < 1 || node.index() > wanted.size()) {
                progress.accept("lab: removing " + node.node() + " (more nodes than wanted)");
                obsolete.add(node.name());
            } else if (!node.image().equals(LabImages.NODE) || !node.key().equals(key.fingerprint())) {
                progress.accept("lab: replacing " + node.node() + " (made from an older image or for another key)");
                obsolete.add(node.name());
            }
        }
        if (!obsolete.isEmpty()) {
            docker.require("removing nodes", LabDockerCommands.remove(obsolete));
        }
        List<LabNodeSpec> missing = new ArrayList<>();
        NodeFaults faults = new NodeFaults(lab, docker);
        for (LabNodeSpec node : wanted) {
            Optional<LabContainer> existing = containers.node(node.index())
                    .filter(container -> !obsolete.contains(container.name()));
            if (existing.isEmpty()) {
                missing.add(node);
            } else if (!existing.get().running()) {
                progress.accept("lab: starting " + node.name());
                docker.require("starting " + node.name(), LabDockerCommands.start(existing.get().name()));
            } else {
                faults.heal(node.name());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        NodeMode mode = nodeMode();
        for (LabNodeSpec node : missing) {
            progress.accept("lab: creating " + node.name() + " (" + node.address() + ")");
            docker.require("creating " + node.name(),
                    LabDockerCommands.runNode(lab, node, mode, key.publicKey(), key.fingerprint()));
        }
    }

    /** {@code --privileged} when this host allows it; otherwise explicit capabilities. */
    private NodeMode nodeMode() {
        return docker.attempt(LabDockerCommands.privilegedProbe()).succeeded()
                ? NodeMode.PRIVILEGED : NodeMode.CAPABILITIES;
    }
}
