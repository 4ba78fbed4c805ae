package dev.berth.docker;

import dev.berth.model.ContainerUsage;
import dev.berth.model.NodeSnapshot;

import java.util.List;

/**
 * Observes a node and the live usage of every running container on it, in a single round trip: the
 * {@link NodeProbe} script followed by {@code docker stats --no-stream}. Like the node probe, a fixed script.
 */
public final class UsageProbe {
    static final String SEPARATOR = "--- berth:usage ---";

    private UsageProbe() {
    }

    /** What one node reported: its snapshot and the usage of its running containers. */
    public record NodeUsage(NodeSnapshot snapshot, List<ContainerUsage> usage) {
        public NodeUsage {
            usage = List.copyOf(usage);
        }
    }

    public static List<String> command() {
        String probe = NodeProbe.command().get(2);
        return List.of("sh", "-c", probe + "\necho '" + SEPARATOR + "'\n"
                + "docker stats --no-stream --no-trunc --format '{{json .}}'");
    }

    public static NodeUsage parse(String output) {
        int separator = output.lastIndexOf(SEPARATOR);
        if (separator < 0) {
            throw new MalformedOutputException("container usage", output, null);
        }
        return new NodeUsage(NodeProbe.parse(output.substring(0, separator)),
                DockerOutput.usage(output.substring(separator + SEPARATOR.length())));
    }
}
