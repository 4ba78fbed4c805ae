package dev.berth.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;

/**
 * One container of a {@link FakeDocker}: what {@code docker inspect} prints of it, built from a real engine's
 * recording, and its image, which decides how it behaves. A container of an image that crashes is
 * {@code restarting} from its start, and has restarted once more each time the node is looked at.
 */
final class FakeContainer {
    private final String id;
    private final ObjectNode inspect;
    private final FakeImage image;
    private final String address;
    private int restarts;

    private FakeContainer(String id, ObjectNode inspect, FakeImage image, String address) {
        this.id = id;
        this.inspect = inspect;
        this.image = image;
        this.address = address;
    }

    /**
     * The container {@code docker run} makes of {@code run}, from the recorded {@code template}.
     *
     * @param address  its address on its network; null when it shares another container's network
     * @param hostPort the first host port to publish a container port on when the run names none
     */
    static FakeContainer started(DockerRun run, String id, ObjectNode template, FakeImage image, String address,
                                 int hostPort, Instant now) {
        ObjectNode container = template;
        container.put("Created", now.toString()).put("Name", "/" + run.name()).put("RestartCount", 0);
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
        JsonNode network = settings.path("Networks").elements().next();
        ObjectNode networks = settings.putObject("Networks");
        if (address != null) {
            networks.putObject(run.network()).setAll((ObjectNode) network);
            ((ObjectNode) networks.get(run.network())).put("IPAddress", address);
        }
        ObjectNode ports = settings.putObject("Ports");
        int next = hostPort;
        for (String publish : run.published()) {
            String[] sides = publish.split(":");
            String hostIp = sides.length == 3 ? sides[0] : "0.0.0.0";
            String declared = sides.length == 3 ? sides[1] : sides.length == 2 ? sides[0] : "";
            String published = declared.isEmpty() ? Integer.toString(next++) : declared;
            ports.putArray(sides[sides.length - 1]).addObject().put("HostIp", hostIp).put("HostPort", published);
        }
        FakeContainer started = new FakeContainer(id, container, image, address);
        started.start(now, "no".equals(run.restart()));
        return started;
    }

    String id() {
        return id;
    }

    ObjectNode inspect() {
        return inspect;
    }

    String name() {
        return inspect.path("Name").asText().substring(1);
    }

    String pod() {
        return inspect.path("Config").path("Labels").path("berth.dev/pod").asText();
    }

    FakeImage image() {
        return image;
    }

    String address() {
        return address;
    }

    String status() {
        return state().path("Status").asText();
    }

    boolean running() {
        return "running".equals(status());
    }

    int restarts() {
        return restarts;
    }

    Duration uptime(Instant now) {
        return Duration.between(Instant.parse(state().path("StartedAt").asText()), now);
    }

    /** {@code docker restart}: started again now; Docker's own RestartCount counts only its policy's restarts. */
    void restart(Instant now) {
        restarts++;
        start(now, "no".equals(inspect.path("HostConfig").path("RestartPolicy").path("Name").asText()));
    }

    /** The node is looked at: a container that crashes has been restarted by Docker once more since. */
    void looked() {
        if (image.crashExitCode() != null && "restarting".equals(status())) {
            inspect.put("RestartCount", inspect.path("RestartCount").asInt() + 1);
        }
    }

    /** Docker keeps restarting this container: it exited with 1 and was restarted {@code times}. */
    void crashLoop(int times, Instant now) {
        state().put("Status", "restarting").put("Running", true).put("Restarting", true)
                .put("ExitCode", 1).put("FinishedAt", now.toString());
        inspect.put("RestartCount", times);
    }

    private void start(Instant now, boolean noRestart) {
        ObjectNode state = state();
        state.put("StartedAt", now.toString()).put("Status", "running").put("Running", true)
                .put("Restarting", false).put("ExitCode", 0).put("FinishedAt", "0001-01-01T00:00:00Z");
        Integer crash = image.crashExitCode();
        if (crash != null) {
            state.put("Status", noRestart ? "exited" : "restarting").put("Running", !noRestart)
                    .put("Restarting", !noRestart).put("ExitCode", crash).put("FinishedAt", now.toString());
        }
    }

    private ObjectNode state() {
        return (ObjectNode) inspect.get("State");
    }
}
