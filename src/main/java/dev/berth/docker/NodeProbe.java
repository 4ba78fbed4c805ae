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

    private static final String SCRIPT = String.join("\n",
            "docker info --format '{{json .}}' || exit $?",
            "echo '" + SEPARATOR + "'",
            "ids=$(docker ps --all --quiet --no-trunc --filter label=" + BerthLabels.MANAGED + "=true) || exit $?",
            "if [ -n \"$ids\" ]; then docker inspect --type container $ids; else echo '[]'; fi");

    private NodeProbe() {
    }

    /** The argument list to run on the node. */
    public static List<String> command() {
        return List.of("sh", "-c", SCRIPT);
    }

    /** Reads what {@link #command()} printed. */
    public static NodeSnapshot parse(String output) {
        int separator = output.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new MalformedOutputException("node snapshot", output, null);
        }
        String info = output.substring(0, separator);
        String containers = output.substring(separator + SEPARATOR.length());
        return new NodeSnapshot(DockerOutput.engineFacts(info), DockerOutput.containers(containers));
    }
}
