package dev.berth.lab;

import dev.berth.error.ClusterException;

import java.time.Duration;
import java.util.List;

/** Runs the lab's docker commands on this machine; a failure becomes one line naming what failed. */
final class LabDocker {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    private final LocalProcess processes;

    LabDocker(LocalProcess processes) {
        this.processes = processes;
    }

    /** Runs a command whose failure is an answer, not an error (e.g. "does this exist?"). */
    ProcessResult attempt(List<String> argv) {
        return processes.run(argv, DEFAULT_TIMEOUT);
    }

    ProcessResult attempt(List<String> argv, Duration timeout) {
        return processes.run(argv, timeout);
    }

    /** Runs a command that must succeed; returns its output. */
    String require(String what, List<String> argv) {
        ProcessResult result = processes.run(argv, DEFAULT_TIMEOUT);
        if (!result.succeeded()) {
            throw new ClusterException("lab: " + what + " failed: " + result.reason());
        }
        return result.output();
    }

    LabContainers containers(LabName lab) {
        return LabContainers.parse(require("listing the lab's containers", LabDockerCommands.listContainers(lab)));
    }
}
