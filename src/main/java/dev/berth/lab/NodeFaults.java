package dev.berth.lab;

import dev.berth.error.ClusterException;
import dev.berth.error.InvalidInputException;

import java.time.Duration;
import java.util.List;

/**
 * Faults to inflict on a lab node, and their cures: a graceful stop, a hard kill, a start (which waits
 * until the node is ready again), and a network partition that leaves the node running but
 * unreachable both ways, until healed.
 */
public final class NodeFaults {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final int MAX_RULE_COPIES = 20;

    private final LabName lab;
    private final LabDocker docker;

    NodeFaults(LabName lab, LabDocker docker) {
        this.lab = lab;
        this.docker = docker;
    }

    public void stop(String node) {
        LabContainer container = find(node);
        docker.require("stopping " + container.node(), LabDockerCommands.stop(container.name()));
    }

    public void kill(String node) {
        LabContainer container = find(node);
        if (container.running()) {
            docker.require("killing " + container.node(), LabDockerCommands.kill(container.name()));
        }
    }

    public void start(String node) {
        LabContainer container = find(node);
        if (!container.running()) {
            docker.require("starting " + container.node(), LabDockerCommands.start(container.name()));
        }
        new NodeReadiness(docker).await(container.node(), container.name(), container.address(), READY_TIMEOUT);
    }

    public void partition(String node) {
        LabContainer container = running(node);
        List<List<String>> checks = LabDockerCommands.partitionRules(container.name(), "-C");
        List<List<String>> inserts = LabDockerCommands.partitionRules(container.name(), "-I");
        for (int i = 0; i < checks.size(); i++) {
            if (!docker.attempt(checks.get(i)).succeeded()) {
                docker.require("partitioning " + container.node(), inserts.get(i));
            }
        }
    }

    public void heal(String node) {
        LabContainer container = running(node);
        for (List<String> delete : LabDockerCommands.partitionRules(container.name(), "-D")) {
            for (int copy = 0; copy < MAX_RULE_COPIES && docker.attempt(delete).succeeded(); copy++) {
                // deleting one copy of the rule per round, until none is left
            }
        }
    }

    private LabContainer running(String node) {
        LabContainer container = find(node);
        if (!container.running()) {
            throw new ClusterException("lab: " + container.node() + " is not running (start it: berth lab node start "
                    + container.node() + (lab.value().equals("lab") ? "" : " --name " + lab) + ")");
        }
        return container;
    }

    /** Finds a node by name ({@code node-2}) or number ({@code 2}). */
    private LabContainer find(String node) {
        String name = node.matches("\\d+") ? "node-" + node : node;
        LabContainers containers = docker.containers(lab);
        return containers.nodes().stream().filter(c -> c.node().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("lab \"" + lab + "\" has no node \"" + node + "\""
                        + (containers.nodes().isEmpty() ? " (it is not up: berth lab up"
                        + (lab.value().equals("lab") ? "" : " --name " + lab) + ")"
                        : " (nodes: " + String.join(", ", containers.nodes().stream().map(LabContainer::node).toList())
                        + ")")));
    }
}
