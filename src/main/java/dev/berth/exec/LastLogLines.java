package dev.berth.exec;

import dev.berth.model.ObservedPod;
import dev.berth.plan.DesiredState;
import dev.berth.ssh.CommandResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The last lines a failed rollout's replicas wrote, read with {@code docker logs --tail} on their nodes: of the
 * first container of at most {@link #REPLICAS} of them, each line prefixed with the replica's name.
 */
final class LastLogLines {
    static final int LINES = 5;
    static final int REPLICAS = 3;

    private LastLogLines() {
    }

    static List<String> of(ClusterAccess access, List<ObservedPod> pods, RolloutFailure failure) {
        List<String> lines = new ArrayList<>();
        List<ObservedPod> failing = pods.stream()
                .filter(pod -> failure.deployment().equals(DesiredState.key(pod.namespace(), pod.deployment())))
                .filter(pod -> failure.replicas().stream().anyMatch(line -> line.startsWith("pod " + pod.name() + " ")))
                .limit(REPLICAS).toList();
        for (ObservedPod pod : failing) {
            String id = pod.containers().get(0).id();
            try {
                CommandResult result = access.transport().run(access.node(pod.node()),
                        List.of("docker", "logs", "--tail", Integer.toString(LINES), id)).get(30, TimeUnit.SECONDS);
                (result.stdoutText() + result.stderrText()).strip().lines()
                        .forEach(line -> lines.add(pod.name() + ": " + line));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                lines.add(pod.name() + ": (log not read: " + e.getMessage() + ")");
            }
        }
        return lines;
    }
}
