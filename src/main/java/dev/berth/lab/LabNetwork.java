package dev.berth.lab;

import java.util.function.Consumer;

/**
 * The lab's bridge network {@code berth-<name>}. Docker picks a free subnet from its pools (so labs
 * never clash with each other or with other networks); berth reads it back from a short-lived probe
 * network and creates the lab network with that subnet pinned, because Docker gives containers fixed
 * addresses ({@code --ip}) only on networks whose subnet was set explicitly.
 */
final class LabNetwork {
    private final LabName lab;
    private final LabDocker docker;
    private final Consumer<String> progress;

    LabNetwork(LabName lab, LabDocker docker, Consumer<String> progress) {
        this.lab = lab;
        this.docker = docker;
        this.progress = progress;
    }

    Subnet ensure() {
        ProcessResult existing = docker.attempt(LabDockerCommands.inspectNetwork(lab));
        if (existing.succeeded()) {
            return Subnet.fromInspect(existing.output());
        }
        LabName probe = probeName();
        docker.attempt(LabDockerCommands.removeNetwork(probe));
        docker.require("creating a network", LabDockerCommands.createNetwork(probe));
        Subnet subnet = Subnet.fromInspect(docker.require("reading the network's subnet",
                LabDockerCommands.inspectNetwork(probe)));
        docker.require("removing the probe network", LabDockerCommands.removeNetwork(probe));
        docker.require("creating the lab network", LabDockerCommands.createNetwork(lab, subnet));
        progress.accept("lab: network " + lab.network() + " " + subnet.cidr());
        return subnet;
    }

    /** Removes the network (and a probe left by an interrupted run); true when there was one. */
    boolean remove() {
        docker.attempt(LabDockerCommands.removeNetwork(probeName()));
        if (!docker.attempt(LabDockerCommands.inspectNetwork(lab)).succeeded()) {
            return false;
        }
        docker.require("removing the lab network", LabDockerCommands.removeNetwork(lab));
        return true;
    }

    private LabName probeName() {
        return new LabName(lab.value().length() <= 14 ? lab.value() + "-probe" : lab.value().substring(0, 14) + "-probe");
    }
}
