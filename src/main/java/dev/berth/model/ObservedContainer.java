package dev.berth.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A container as its node's Docker engine reports it.
 *
 * @param status     docker's state word: created, running, restarting, paused, exited, dead
 * @param health       healthy, unhealthy or starting; null when the container has no readiness probe. berth's
 *                     own probe results replace docker's word for the containers that carry their probes
 *                     ({@link BerthLabels#PROBES}); for others it is docker's health check, if any
 * @param finishedAt   null while the container has never stopped
 * @param healthDetail one line of what the last probe saw, e.g. {@code HTTP probe failed with statuscode: 500};
 *                     null when nothing was probed
 */
public record ObservedContainer(String id, String name, String image, Map<String, String> labels,
                                String status, int exitCode, boolean oomKilled, String health,
                                int restartCount, Instant createdAt, Instant startedAt, Instant finishedAt,
                                Map<String, String> networkAddresses, List<PublishedPort> ports,
                                String healthDetail) {

    public ObservedContainer {
        labels = Map.copyOf(labels);
        networkAddresses = Map.copyOf(networkAddresses);
        ports = List.copyOf(ports);
    }

    /** A container as docker reports it, before any probe of berth's. */
    public ObservedContainer(String id, String name, String image, Map<String, String> labels,
                             String status, int exitCode, boolean oomKilled, String health,
                             int restartCount, Instant createdAt, Instant startedAt, Instant finishedAt,
                             Map<String, String> networkAddresses, List<PublishedPort> ports) {
        this(id, name, image, labels, status, exitCode, oomKilled, health, restartCount, createdAt, startedAt,
                finishedAt, networkAddresses, ports, null);
    }

    /** This container with the health berth's probes found. */
    public ObservedContainer withHealth(String newHealth, String detail) {
        return new ObservedContainer(id, name, image, labels, status, exitCode, oomKilled, newHealth, restartCount,
                createdAt, startedAt, finishedAt, networkAddresses, ports, detail);
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
