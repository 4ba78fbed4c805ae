package dev.berth.docker;

import dev.berth.model.BerthLabels;

import java.util.ArrayList;
import java.util.List;

/**
 * The docker commands berth runs to observe a node, as argument lists. Nothing here runs anything:
 * the transport quotes and runs what these return.
 */
public final class DockerCommands {
    private static final String JSON = "{{json .}}";

    private DockerCommands() {
    }

    /** What the engine reports of the machine, as one JSON object. */
    public static List<String> info() {
        return List.of("docker", "info", "--format", JSON);
    }

    /** Full ids of every container berth manages on the node, running or not. */
    public static List<String> managedContainerIds() {
        return List.of("docker", "ps", "--all", "--quiet", "--no-trunc",
                "--filter", "label=" + BerthLabels.MANAGED + "=true");
    }

    /** Everything docker knows of the given containers, as one JSON array. */
    public static List<String> inspect(List<String> containerIds) {
        requireIds(containerIds);
        List<String> argv = new ArrayList<>(List.of("docker", "inspect", "--type", "container", "--"));
        argv.addAll(containerIds);
        return List.copyOf(argv);
    }

    /** One JSON object per line with the live usage of the given containers. */
    public static List<String> stats(List<String> containerIds) {
        requireIds(containerIds);
        List<String> argv = new ArrayList<>(List.of("docker", "stats", "--no-stream", "--no-trunc",
                "--format", JSON, "--"));
        argv.addAll(containerIds);
        return List.copyOf(argv);
    }

    private static void requireIds(List<String> containerIds) {
        if (containerIds.isEmpty()) {
            throw new IllegalArgumentException("at least one container id is needed");
        }
        for (String id : containerIds) {
            if (!id.matches("[0-9a-f]{12,64}")) {
                throw new IllegalArgumentException("not a container id: " + id);
            }
        }
    }
}
