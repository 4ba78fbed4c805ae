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
import java.util.ArrayList;
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
 * pull, run, restart, logs, exec, remove and file steps. What {@code docker info} and {@code docker inspect} print
 * is recorded from a real engine (test resources {@code docker/info.json} and
 * {@code docker/inspect-running-replica.json}); a container started with {@code docker run} is that recording with
 * the run's name, image, labels, network and ports, so the next probe sees it as a real engine would show it.
 * Images come from the cluster's {@link FakeRegistry}, which also says how their containers behave; errors are
 * docker's own words.
 */
public final class FakeDocker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INFO = resource("info.json");
    private static final String REPLICA = resource("inspect-running-replica.json");
    private static final String REPLICA_ID = read(REPLICA).get(0).path("Id").asText();

    private final String node;
    private final String home;
    private final Clock clock;
    private final FakeRegistry registry;
    private final Map<String, FakeContainer> containers = new LinkedHashMap<>();
    private final TreeSet<String> networks = new TreeSet<>();
    private final TreeSet<String> images = new TreeSet<>();
    private final Map<String, byte[]> files = new TreeMap<>();
    /** The archive each container was started with, by container name. */
    private final Map<String, byte[]> copiedIn = new TreeMap<>();
    /** Each Docker volume by name, with the pod its {@code berth.dev/pod} label names ("" for none). */
    private final Map<String, String> volumes = new TreeMap<>();
    /** The volumes each container mounts, by container id. */
    private final Map<String, List<String>> mounted = new LinkedHashMap<>();
    private int started;

    public FakeDocker(String node, String home, Clock clock, FakeRegistry registry) {
        this.node = node;
        this.home = home;
        this.clock = clock;
        this.registry = registry;
    }

    /** The answer to a command berth sends for Docker; empty when {@code argv} is none of them. */
    public synchronized Optional<CommandResult> answer(List<String> argv) {
        return answer(argv, new byte[0]);
    }

    /**
     * As {@link #answer(List)}, with the command's standard input: a start that copies files in ({@code docker
     * create}, {@code docker cp}, {@code docker start}) keeps the archive it was given, by container name.
     */
    public synchronized Optional<CommandResult> answer(List<String> argv, byte[] stdin) {
        List<String> copyingStart = List.of("sh", "-c", ContainerRunCommand.CREATE_COPY_START, "sh");
        if (argv.size() > 4 && argv.subList(0, 4).equals(copyingStart)) {
            List<String> run = new ArrayList<>(List.of("docker", "run", "--detach"));
            run.addAll(argv.subList(4, argv.size()));
            CommandResult result = run(run);
            if (result.succeeded()) {
                copiedIn.put(DockerRun.parse(run).name(), stdin.clone());
            }
            return Optional.of(result);
        }
        if (argv.equals(NodeProbe.command())) {
            return Optional.of(ok(probe()));
        }
        if (argv.size() > 2 && argv.subList(0, 3).equals(List.of("docker", "run", "--detach"))) {
            return Optional.of(run(argv));
        }
        if (argv.size() == 4 && argv.equals(NodeCommands.pull(argv.get(3)))) {
            return Optional.of(pull(argv.get(3)));
        }
        if (matches(argv, () -> NodeCommands.pullIfMissing(argv.get(4)))) {
            return Optional.of(images.contains(argv.get(4)) ? ok("") : pull(argv.get(4)));
        }
        if (argv.size() == 3 && argv.equals(NodeCommands.restartContainer(argv.get(2)))) {
            return Optional.of(restart(argv.get(2)));
        }
        if (argv.size() > 2 && argv.subList(0, 2).equals(List.of("docker", "logs"))) {
            return Optional.of(logs(argv));
        }
        if (argv.size() > 3 && argv.subList(0, 2).equals(List.of("docker", "exec"))) {
            int ends = argv.indexOf("--");
            return Optional.of(exec(argv.get(ends < 0 ? 2 : ends + 1)));
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
        if (argv.size() == 4 && argv.equals(NodeCommands.removeVolume(argv.get(3)))) {
            return Optional.of(removeVolume(argv.get(3)));
        }
        if (matches(argv, () -> VolumeSize.command(argv.get(4), argv.subList(5, argv.size())))) {
            return Optional.of(volumes.containsKey(argv.get(4)) && argv.subList(5, argv.size()).stream()
                    .anyMatch(images::contains) ? ok("48\t/v\n") : failed(3, ""));
        }
        if (matches(argv, () -> NodeCommands.removePodFile(argv.get(4)))) {
            files.remove(argv.get(4));
            return Optional.of(ok(""));
        }
        if (matches(argv, () -> NodeCommands.cleanUpPod(argv.get(4), argv.get(5)))) {
            files.keySet().removeIf(path -> path.startsWith(argv.get(4) + "/"));
            volumes.values().removeIf(argv.get(5)::equals);
            return Optional.of(ok(""));
        }
        return Optional.empty();
    }

    /**
     * What a connection to {@code host:port} from this node gets, asking {@code GET path} (null: a bare TCP
     * connection): the status the container's app answers, {@link FakeApp#REFUSED}, or empty when no container
     * on the node has that address.
     */
    public synchronized Optional<Integer> visit(String host, int port, String path) {
        return containers.values().stream().filter(c -> host.equals(c.address())).findFirst()
                .map(c -> c.running() ? c.image().app().answer(new FakeApp.Visit(c.name(), port, path,
                        c.uptime(clock.instant()), c.restarts())) : FakeApp.REFUSED);
    }

    /** Takes a file berth uploads. */
    public synchronized void upload(String path, byte[] content) {
        files.put(path, content.clone());
    }

    /** The names of the containers on this node, in the order they were started. */
    public synchronized List<String> containerNames() {
        return containers.values().stream().map(FakeContainer::name).toList();
    }

    /** A container as a test looks at it: its id, name, pod, image, docker's state word and its address. */
    public record Shown(String id, String name, String pod, String image, String status, String address) {
    }

    /** The containers on this node, in the order they were started. */
    public synchronized List<Shown> containers() {
        return containers.values().stream().map(c -> new Shown(c.id(), c.name(), c.pod(), c.image().name(), c.status(),
                c.address())).toList();
    }

    /** The paths of the files berth put on this node. */
    public synchronized List<String> files() {
        return List.copyOf(files.keySet());
    }

    /** The archive {@code docker cp} copied into the container {@code name} before it started; empty for none. */
    public synchronized byte[] copiedIn(String name) {
        return copiedIn.getOrDefault(name, new byte[0]).clone();
    }

    /** The names of the Docker volumes on this node. */
    public synchronized List<String> volumes() {
        return List.copyOf(volumes.keySet());
    }

    /** A Docker volume made on this node by hand, with no label. */
    public synchronized void addVolume(String name) {
        volumes.putIfAbsent(name, "");
    }

    /** The images this node has. */
    public synchronized List<String> images() {
        return List.copyOf(images);
    }

    /** Docker keeps restarting the containers of {@code pod}: each exited with 1 and restarted {@code times}. */
    public synchronized void crashLoop(String pod, int times) {
        containers.values().stream().filter(c -> pod.equals(c.pod()))
                .forEach(c -> c.crashLoop(times, clock.instant()));
    }

    private String probe() {
        containers.values().forEach(FakeContainer::looked);
        ObjectNode info = (ObjectNode) read(INFO);
        info.put("Name", node).put("Containers", containers.size()).put("ContainersRunning",
                (int) containers.values().stream().filter(c -> c.inspect().path("State").path("Running").asBoolean())
                        .count());
        ArrayNode inspected = JSON.createArrayNode();
        containers.values().forEach(c -> inspected.add(c.inspect()));
        TreeSet<String> podDirectories = new TreeSet<>();
        String pods = home + NodeCommands.BERTH_DIRECTORY + "/pods/";
        files.keySet().stream().filter(path -> path.startsWith(pods)).map(path -> path.substring(pods.length())
                .split("/")).filter(parts -> parts.length > 2).forEach(parts -> podDirectories.add(parts[0] + "/"
                + parts[1]));
        return info + "\n" + NodeProbe.SEPARATOR + "\n" + inspected.toPrettyString() + "\n" + NodeProbe.HOME + "\n"
                + home + "\n" + NodeProbe.VOLUMES + "\n" + volumes.keySet().stream().map(v -> v + "\n")
                .reduce("", String::concat) + NodeProbe.CONNECTION + "\n\n" + NodeProbe.PROXIES + "\n" + NodeProbe.PODS
                + "\n" + podDirectories.stream().map(d -> d + "\n").reduce("", String::concat);
    }

    private CommandResult pull(String image) {
        FakeImage pulled = registry.image(image);
        if (!pulled.published()) {
            return new CommandResult(1, new byte[0], (pulled.manifestUnknown() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        images.add(image);
        return ok("sha256:" + digest(image) + "\n");
    }

    /** Starts a container as {@code docker run --detach} does, pulling its image if the node lacks it. */
    private CommandResult run(List<String> argv) {
        DockerRun run = DockerRun.parse(argv);
        FakeImage image = registry.image(run.image());
        if (!images.contains(run.image())) {
            if (run.neverPull()) {
                return failed(125, "docker: Error response from daemon: No such image: " + run.image() + ".");
            }
            if (!image.published()) {
                return failed(125, "Unable to find image '" + run.image() + "' locally\ndocker: "
                        + image.manifestUnknown() + ".\nSee 'docker run --help'.");
            }
            images.add(run.image());
        }
        run.mounts().stream().filter(mount -> mount.startsWith("type=volume,")).forEach(mount -> {
            String source = field(mount, "src");
            String label = field(mount, "volume-label");
            volumes.putIfAbsent(source, label == null ? "" : label.substring(label.indexOf('=') + 1));
        });
        String id = digest(node + "/" + run.name());
        mounted.put(id, run.mounts().stream().filter(mount -> mount.startsWith("type=volume,"))
                .map(mount -> field(mount, "src")).toList());
        ObjectNode template = (ObjectNode) read(REPLICA.replace(REPLICA_ID, id)).get(0);
        String address = run.network().startsWith("container:") ? null : "172.18.0." + (2 + started);
        containers.put(id, FakeContainer.started(run, id, template, image, address, 32768 + started, clock.instant()));
        started++;
        return ok(id + "\n");
    }

    /** {@code docker volume rm}: refused while a container mounts the volume, as Docker does. */
    private CommandResult removeVolume(String volume) {
        if (!volumes.containsKey(volume)) {
            return failed(1, "Error response from daemon: get " + volume + ": no such volume");
        }
        List<String> users = containers.keySet().stream().filter(id -> mounted.getOrDefault(id, List.of())
                .contains(volume)).toList();
        if (!users.isEmpty()) {
            return failed(1, "Error response from daemon: remove " + volume + ": volume is in use - " + users);
        }
        volumes.remove(volume);
        return ok(volume + "\n");
    }

    private CommandResult restart(String id) {
        FakeContainer container = containers.get(id);
        if (container == null) {
            return failed(1, "Error response from daemon: No such container: " + id);
        }
        container.restart(clock.instant());
        return ok(id + "\n");
    }

    /**
     * {@code docker logs [--tail N] [--timestamps] ... [--] ID}: the image's log lines, the last N of them, each
     * stamped with the time of the request when asked; a follow ends at once, since the log is all written, and
     * times ({@code --since}, {@code --until}) are not looked at.
     */
    private CommandResult logs(List<String> argv) {
        String id = argv.get(argv.size() - 1);
        FakeContainer container = containers.get(id);
        if (container == null) {
            return failed(1, "Error response from daemon: No such container: " + id);
        }
        int tailAt = argv.indexOf("--tail");
        List<String> log = container.image().log();
        int tail = tailAt < 0 ? log.size() : Integer.parseInt(argv.get(tailAt + 1));
        List<String> last = log.subList(Math.max(0, log.size() - tail), log.size());
        String stamp = argv.contains("--timestamps") ? clock.instant() + " " : "";
        return ok(last.isEmpty() ? "" : last.stream().map(line -> stamp + line + "\n").reduce("", String::concat));
    }

    private CommandResult exec(String id) {
        FakeContainer container = containers.get(id);
        if (container == null) {
            return failed(1, "Error response from daemon: No such container: " + id);
        }
        if ("restarting".equals(container.status())) {
            return failed(1, "Error response from daemon: Container " + id + " is restarting, wait until the "
                    + "container is running");
        }
        if (!container.running()) {
            return failed(1, "Error response from daemon: Container " + id + " is not running");
        }
        return container.image().exec();
    }

    /** The same text always gets the same 64 hex digits: a container's id, an image's digest. */
    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of {@code key=} in one {@code --mount} record, or null. */
    private static String field(String mount, String key) {
        for (String part : mount.split(",")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return null;
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

    private static CommandResult failed(int exitCode, String stderr) {
        return new CommandResult(exitCode, new byte[0], (stderr + "\n").getBytes(StandardCharsets.UTF_8));
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
