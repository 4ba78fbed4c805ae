package dev.berth.docker;

import dev.berth.model.BerthLabels;
import dev.berth.model.NodeSnapshot;

import java.util.List;

/**
 * Observes a node in a single round trip: engine facts and every container berth manages, read by
 * one fixed script. The script takes no value from any manifest, so nothing a user writes can run
 * as shell code on a server.
 */
public final class NodeProbe {
    static final String SEPARATOR = "--- berth:containers ---";
    static final String HOME = "--- berth:home ---";
    static final String VOLUMES = "--- berth:volumes ---";
    /** Docker volumes berth creates for claims and emptyDirs all start with this. */
    public static final String VOLUME_PREFIX = "berth_";

    private static final String SCRIPT = String.join("\n",
            "docker info --format '{{json .}}' || exit $?",
            "echo '" + SEPARATOR + "'",
            "ids=$(docker ps --all --quiet --no-trunc --filter label=" + BerthLabels.MANAGED + "=true) || exit $?",
            "if [ -n \"$ids\" ]; then docker inspect --type container $ids || exit $?; else echo '[]'; fi",
            "echo '" + HOME + "'",
            "printf '%s\\n' \"$HOME\"",
            "echo '" + VOLUMES + "'",
            "docker volume ls --quiet --filter name=" + VOLUME_PREFIX);

    private NodeProbe() {
    }

    /** The argument list to run on the node. */
    public static List<String> command() {
        return List.of("sh", "-c", SCRIPT);
    }

    /** Reads what {@link #command()} printed. */
    public static NodeSnapshot parse(String output) {
        int containers = output.indexOf(SEPARATOR);
        int home = output.indexOf(HOME, Math.max(containers, 0));
        int volumes = output.indexOf(VOLUMES, Math.max(home, 0));
        if (containers < 0 || home < 0 || volumes < 0) {
            throw new MalformedOutputException("node snapshot", output, null);
        }
        String homeDirectory = output.substring(home + HOME.length(), volumes).strip();
        if (!homeDirectory.startsWith("/")) {
            throw new MalformedOutputException("the SSH user's home directory", homeDirectory, null);
        }
        List<String> volumeNames = output.substring(volumes + VOLUMES.length()).lines().map(String::strip)
                .filter(name -> name.startsWith(VOLUME_PREFIX)).sorted().toList();
        return new NodeSnapshot(DockerOutput.engineFacts(output.substring(0, containers)),
                DockerOutput.containers(output.substring(containers + SEPARATOR.length(), home)),
                homeDirectory, volumeNames);
    }
}
