package dev.berth.bench.fleet;

import java.time.Instant;
import java.util.Map;

/** One container as a simulated node's docker engine knows it. */
record SimulatedContainer(
        String id,
        String name,
        String image,
        String command,
        Map<String, String> labels,
        boolean running,
        int exitCode,
        String health,
        int restartCount,
        Instant created,
        Instant startedAt,
        Instant finishedAt,
        String ipAddress,
        int containerPort,
        int hostPort) {

    String shortId() {
        return id.substring(0, 12);
    }

    boolean publishes() {
        return hostPort > 0;
    }
}
