package dev.berth.bench.fleet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A node of the fleet: its name, the containers and networks its engine has and the files berth keeps on it.
 * A node starts from its index alone (its first containers are derived from it); what berth changes is kept.
 */
record SimulatedNode(int index, String name, List<SimulatedContainer> containers, NodeFiles files,
                     Set<String> networks) {
    private static final String[] DEPLOYMENTS = {"web", "api", "worker"};
    private static final String[] IMAGES = {"nginx:1.25", "registry.example.com/api:2.4.1", "busybox:1.36"};
    private static final String[] COMMANDS = {"/docker-entrypoint.sh nginx -g 'daemon off;'", "/app/api serve",
            "sh -c 'while true; do sleep 5; done'"};
    private static final Instant EPOCH = Instant.parse("2026-11-20T08:00:00Z");

    static SimulatedNode of(int index, int containersPerNode) {
        String name = String.format("node-%04d", index + 1);
        List<SimulatedContainer> containers = new ArrayList<>();
        for (int k = 0; k < containersPerNode; k++) {
            containers.add(container(index, name, k));
        }
        return new SimulatedNode(index, name, new CopyOnWriteArrayList<>(containers), new NodeFiles(),
                ConcurrentHashMap.newKeySet());
    }

    long runningCount() {
        return containers.stream().filter(SimulatedContainer::running).count();
    }

    private static SimulatedContainer container(int node, String nodeName, int k) {
        int kind = k % DEPLOYMENTS.length;
        String deployment = DEPLOYMENTS[kind];
        String namespace = kind == 2 ? "jobs" : "default";
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("berth.dev/managed", "true");
        labels.put("berth.dev/namespace", namespace);
        labels.put("berth.dev/deployment", deployment);
        labels.put("berth.dev/revision", "3");
        labels.put("berth.dev/spec-hash", id(nodeName + "/" + deployment).substring(0, 16));
        labels.put("berth.dev/replica", String.valueOf(node + 1));
        // one worker in fifty has stopped, so listings show more than one status
        boolean running = kind != 2 || node % 50 != 0;
        Instant created = EPOCH.plus(Duration.ofMinutes(node % 600)).plusSeconds(k);
        Instant started = created.plusMillis(250);
        return new SimulatedContainer(
                id(nodeName + "/" + k),
                deployment + "-" + (node + 1) + (k >= DEPLOYMENTS.length ? "-" + k : ""),
                IMAGES[kind],
                COMMANDS[kind],
                Collections.unmodifiableMap(labels),
                running,
                running ? 0 : 1,
                kind == 0 ? "healthy" : null,
                running ? 0 : 2,
                created,
                started,
                running ? null : started.plus(Duration.ofHours(1)),
                "172.17.0." + (2 + k),
                kind == 0 ? 8080 : kind == 1 ? 9000 : 0,
                kind == 0 ? 18080 + k : kind == 1 ? 19000 + k : 0);
    }

    static String id(String seed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
