package dev.berth.bench.fleet;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** {@code docker run --detach ...} as berth sends it: the container it describes, started now. */
final class DockerRun {
    /** Options that take a value; every other option stands alone. */
    private static final Set<String> WITH_VALUE = Set.of("--name", "--label", "-l", "--restart", "--network",
            "--hostname", "--publish", "-p", "--memory", "--cpus", "--env", "-e", "--env-file", "--mount", "--workdir",
            "-w", "--stop-timeout", "--pull", "--entrypoint", "--user", "-u", "--cap-add", "--cap-drop");
    private static final AtomicLong STARTED = new AtomicLong();

    private DockerRun() {
    }

    /** The container {@code args} (the words after {@code docker run}) start on {@code node}; null without an image. */
    static SimulatedContainer container(SimulatedNode node, List<String> args, Instant now) {
        String name = null;
        Map<String, String> labels = new LinkedHashMap<>();
        int hostPort = 0;
        int containerPort = 0;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String option = args.get(i);
            String value = WITH_VALUE.contains(option) && i + 1 < args.size() ? args.get(++i) : null;
            switch (option) {
                case "--name" -> name = value;
                case "--label", "-l" -> {
                    int equals = value.indexOf('=');
                    labels.put(equals < 0 ? value : value.substring(0, equals), equals < 0 ? "" : value.substring(equals + 1));
                }
                case "--publish", "-p" -> {
                    String[] parts = value.replaceAll("/.*", "").split(":");
                    containerPort = Integer.parseInt(parts[parts.length - 1]);
                    hostPort = parts.length > 1 ? Integer.parseInt(parts[parts.length - 2]) : 32768 + containerPort % 1000;
                }
                default -> {
                }
            }
            i++;
        }
        if (i >= args.size()) {
            return null;
        }
        String image = args.get(i);
        String command = String.join(" ", args.subList(i + 1, args.size()));
        String id = SimulatedNode.id(node.name() + "/" + name + "/" + STARTED.incrementAndGet());
        return new SimulatedContainer(id, name == null ? id.substring(0, 12) : name, image,
                command.isEmpty() ? "/entrypoint" : command, Map.copyOf(labels), true, 0, null, 0, now, now, null,
                "172.18.0." + (2 + node.containers().size() % 250), containerPort, hostPort);
    }
}
