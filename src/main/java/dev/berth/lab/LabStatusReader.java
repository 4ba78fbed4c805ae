package dev.berth.lab;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a lab's status from Docker alone: its labelled containers and what runs inside its nodes. */
final class LabStatusReader {
    private final LabDocker docker;

    LabStatusReader(LabDocker docker) {
        this.docker = docker;
    }

    LabStatus read(LabName lab, LabFiles files) {
        LabContainers containers = docker.containers(lab);
        ProcessResult network = docker.attempt(LabDockerCommands.inspectNetwork(lab));
        String subnet = network.succeeded() && !network.output().isEmpty()
                ? Subnet.fromInspect(network.output()).cidr() : null;
        List<LabStatus.NodeStatus> nodes = new ArrayList<>();
        for (LabContainer node : containers.nodes()) {
            nodes.add(node(node));
        }
        LabStatus.RegistryStatus registry = containers.registry().map(r -> registry(lab, r)).orElse(null);
        String inventory = Files.exists(files.inventory()) ? files.inventory().toString() : null;
        return new LabStatus(lab.value(), subnet, registry, nodes, inventory);
    }

    private LabStatus.NodeStatus node(LabContainer node) {
        String status = LabStatus.STOPPED;
        String version = "-";
        if (node.running()) {
            ProcessResult engine = docker.attempt(LabDockerCommands.innerEngineVersion(node.name()),
                    Duration.ofSeconds(10));
            if (engine.succeeded()) {
                version = engine.output();
                status = partitioned(node.name()) ? LabStatus.PARTITIONED : LabStatus.READY;
            } else {
                status = LabStatus.NOT_READY;
            }
        }
        return new LabStatus.NodeStatus(node.node(), node.name(), status, node.address(), node.roles(), version);
    }

    private boolean partitioned(String container) {
        return LabDockerCommands.partitionRules(container, "-C").stream()
                .anyMatch(rule -> docker.attempt(rule, Duration.ofSeconds(10)).succeeded());
    }

    private LabStatus.RegistryStatus registry(LabName lab, LabContainer registry) {
        String push = "-";
        if (registry.running()) {
            ProcessResult port = docker.attempt(LabDockerCommands.registryPort(lab));
            if (port.succeeded()) {
                push = port.output().lines().findFirst().orElse("-");
            }
        }
        return new LabStatus.RegistryStatus(LabImages.REGISTRY_SERVER, push,
                registry.running() ? "Running" : "Stopped");
    }
}
