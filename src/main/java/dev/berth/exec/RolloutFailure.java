package dev.berth.exec;

import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a rollout failed: one line for the Deployment, and one per replica that failed it, naming the node and what
 * was seen (the probe's answer, the container's exit code, its restarts). {@code logs} holds the last lines of
 * the failing containers' output, when they could be read.
 *
 * @param deployment {@code namespace/name}
 * @param revision   the revision that failed
 */
public record RolloutFailure(String deployment, long revision, String reason, List<String> replicas,
                             List<String> logs) {

    public RolloutFailure {
        replicas = List.copyOf(replicas);
        logs = List.copyOf(logs);
    }

    RolloutFailure(String deployment, long revision, String reason, List<String> replicas) {
        this(deployment, revision, reason, replicas, List.of());
    }

    RolloutFailure withLogs(List<String> lines) {
        return new RolloutFailure(deployment, revision, reason, replicas, lines);
    }

    /** One line per replica: {@code pod web-7c9f-abcde on node-2: Error, exit code 1, restarted 3 times}. */
    static List<String> replicas(List<ObservedPod> pods) {
        List<String> lines = new ArrayList<>();
        for (ObservedPod pod : pods) {
            List<String> facts = new ArrayList<>();
            facts.add(pod.status());
            for (ObservedContainer container : pod.containers()) {
                if (container.healthDetail() != null) {
                    facts.add(container.healthDetail());
                }
                if (!container.running() && container.exitCode() != 0) {
                    facts.add("exit code " + container.exitCode());
                }
                if (container.restartCount() > 0) {
                    facts.add("restarted " + container.restartCount()
                            + (container.restartCount() == 1 ? " time" : " times"));
                }
            }
            lines.add("pod " + pod.name() + " on " + pod.node() + ": " + String.join(", ", facts));
        }
        return lines;
    }
}
