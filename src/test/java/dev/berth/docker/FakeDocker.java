package dev.berth.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ssh.CommandResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One node's Docker engine, in memory, answering the exact commands berth sends it: the node probe, the network,
 * pull, run, remove and file steps of a plan. What {@code docker info} and {@code docker inspect} print is
 * recorded from a real engine (test resources {@code docker/info.json} and
 * {@code docker/inspect-running-replica.json}); a container started with {@code docker run} is that recording with
 * the run's name, image, labels, network and ports, so the next probe sees it as a real engine would show it.
 */
public final class FakeDocker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INFO = resource("info.json");
    private static final String REPLICA = resource("inspect-running-replica.json");
    private static final String REPLICA_ID = read(REPLICA).get(0).path("Id").asText();

    private final String node;
    private final String home;
    private final Clock clock;
    private final Map<String, ObjectNode> containers = new LinkedHashMap<>();
    private final TreeSet<String> networks = new TreeSet<>();
    private final TreeSet<String> images = new TreeSet<>();
    private final Map<String, byte[]> files = new TreeMap<>();

    public FakeDocker(String node, String home, Clock clock) {
        this.node = node;
        this.home = home;
        this.clock = clock;
    }

    /** The answer to a command berth sends for Docker; empty when {@code argv} is none of them. */
    public synchronized Optional<CommandResult> answer(List<String> argv) {
        if (argv.equals(NodeProbe.command())) {
            return Optional.of(ok(probe()));
        }
        if (argv.size() > 2 && argv.subList(0, 3).equals(List.of("docker", "run", "--detach"))) {
            return Optional.of(ok(run(argv) + "\n"));
        }
        if (argv.size() == 4 && argv.equals(NodeCommands.pull(argv.get(3)))) {
            images.add(argv.get(3));
            return Optional.of(ok(argv.get(3) + "\n"));
        }
        if (matches(argv, () -> NodeCommands.ensureNetwork(argv.get(4)))) {
            networks.add(argv.get(4));
            return Optional.of(ok(""));
        }
        if (matches(argv, () -> NodeCommands.removeContainer(argv.get(4)))) {
            containers.remove(argv.get(4));
            return Optional.of(ok(""));
        }
        if (matches(argv, () -> NodeCommands.prepareDirectory(argv.get(5)))) {
            return Optional.of(ok(""));
        }
        if (matches(argv, () -> NodeCommands.cleanUpPod(argv.get(4), argv.get(5)))) {
            files.keySet().removeIf(path -> path.startsWith(argv.get(4) + "/"));
            return Optional.of(ok(""));
        }
        return Optional.empty();
    }

    /** Takes a file berth uploads. */
    public synchronized void upload(String path, byte[] content) {
        files.put(path, content.clone());
    }

    /** The names of the containers on this node, in the order they were started. */
    public synchronized List<String> containerNames() {
        return containers.values().stream().map(c -> c.path("Name").asText().substring(1)).toList();
    }

    /** The paths of the files berth put on this node. */
    public synchronized List<String> files() {
        return List.copyOf(files.keySet());
    }

    /** Docker keeps restarting the containers of {@code pod}: each exited with 1 and restarted {@code times}. */
    public synchronized void crashLoop(String pod, int times) {
        containers.values().stream()
                .filter(c -> pod.equals(c.path("Config").path("Labels").path("berth.dev/pod").asText()))
                .forEach(c -> {
                    ObjectNode state = (ObjectNode) c.get("State");
                    state.put("Status", "restarting").put("Running", true).put("Restarting", true)
                            .put("ExitCode", 1).put("FinishedAt", clock.instant().toString());
                    c.put("RestartCount", times);
                });
    }

    private String probe() {
        ObjectNode info = (ObjectNode) read(INFO);
        info.put("Name", node).put("Containers", containers.size()).put("ContainersRunning",
                (int) containers.values().stream().filter(c -> c.path("State").path("Running").asBoolean()).count());
        ArrayNode inspected = JSON.createArrayNode();
        containers.values().forEach(inspected::add);
        return info + "\n" + NodeProbe.SEPARATOR + "\n" + inspected.toPrettyString() + "\n" + NodeProbe.HOME + "\n"
                + home + "\n" + NodeProbe.VOLUMES + "\n";
    }

    /** Starts a container as {@code docker run --detach} does and returns its id. */
    private String run(List<String> argv) {
        DockerRun run = DockerRun.parse(argv);
        String id = id(run.name());
        ObjectNode container = (ObjectNode) read(REPLICA.replace(REPLICA_ID, id)).get(0);
        String now = clock.instant().toString();
        container.put("Created", now).put("Name", "/" + run.name()).put("RestartCount", 0);
        ObjectNode state = (ObjectNode) container.get("State");
        state.put("StartedAt", now);
        if (run.healthCheck()) {
            state.putObject("Health").put("Status", "healthy").put("FailingStreak", 0).putArray("Log");
        }
        ObjectNode config = (ObjectNode) container.get("Config");
        config.put("Image", run.image()).put("Hostname", run.hostname() == null ? id.substring(0, 12) : run.hostname());
        ObjectNode labels = config.putObject("Labels");
        run.labels().forEach(labels::put);
        ArrayNode env = config.putArray("Env");
        run.environment().forEach(env::add);
        ArrayNode cmd = config.putArray("Cmd");
        run.arguments().forEach(cmd::add);
        ObjectNode host = (ObjectNode) container.get("HostConfig");
        host.put("NetworkMode", run.network()).putObject("RestartPolicy").put("Name", run.restart())
                .put("MaximumRetryCount", 0);
        ObjectNode settings = (ObjectNode) container.get("NetworkSettings");
        JsonNode template = settings.path("Networks").elements().next();
        ObjectNode networksOfContainer = settings.putObject("Networks");
        if (!run.network().startsWith("container:")) {
            ObjectNode network = networksOfContainer.putObject(run.network());
            network.setAll((ObjectNode) template);
            network.put("IPAddress", "172.18.0." + (2 + containers.size()));
        }
        ObjectNode ports = settings.putObject("Ports");
        for (String publish : run.published()) {
            String[] sides = publish.split(":");
            String hostPort = sides.length > 1 ? sides[0] : Integer.toString(32768 + containers.size());
            ports.putArray(sides[sides.length - 1]).addObject().put("HostIp", "0.0.0.0").put("HostPort", hostPort);
        }
        containers.put(id, container);
        return id;
    }

    /** The same name on the same node always gets the same 64-hex-digit id. */
    private String id(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((node + "/" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code argv} is exactly what the builder makes of the words taken from it. */
    private static boolean matches(List<String> argv, Supplier<List<String>> builder) {
        if (argv.size() < 5 || !argv.get(0).equals("sh") || !argv.get(1).equals("-c") || !argv.get(3).equals("sh")) {
            return false;
        }
        try {
            return argv.equals(builder.get());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static CommandResult ok(String stdout) {
        return new CommandResult(0, stdout.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = FakeDocker.class.getResourceAsStream("/docker/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource docker/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
