package dev.berth.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A container as its node's Docker engine reports it.
 *
 * @param status     docker's state word: created, running, restarting, paused, exited, dead
 * @param health     healthy, unhealthy or starting; null when the container has no health check
 * @param finishedAt null while the container has never stopped
 */
public record ObservedContainer(String id, String name, String image, Map<String, String> labels,
                                String status, int exitCode, boolean oomKilled, String health,
                                int restartCount, Instant createdAt, Instant startedAt, Instant finishedAt,
                                Map<String, String> networkAddresses, List<PublishedPort> ports) {

    public ObservedContainer {
        labels = Map.copyOf(labels);
        networkAddresses = Map.copyOf(networkAddresses);
        ports = List.copyOf(ports);
    }

    public boolean running() {
        return "running".equals(status);
    }

    public boolean managedByBerth() {
        return "true".equals(labels.get(BerthLabels.MANAGED));
    }

    public String label(String key) {
        return labels.get(key);
    }
}
