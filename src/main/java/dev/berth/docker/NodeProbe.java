package dev.berth.docker;

import dev.berth.model.BerthLabels;
import dev.berth.model.NodeSnapshot;

import java.time.Instant;
import java.util.ArrayList;
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
    static final String CONNECTION = "--- berth:connection ---";
    static final String PROXIES = "--- berth:proxies ---";
    static final String PODS = "--- berth:pods ---";
    /** berth's nginx containers keep their configuration in a directory of their name below this one. */
    public static final String PROXY_DIRECTORY = NodeCommands.BERTH_DIRECTORY + "/proxies";
    /** The file in a proxy's directory that holds the hash of the configuration verified as served. */
    public static final String LOADED = "loaded";
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
            "docker volume ls --quiet --filter name=" + VOLUME_PREFIX + " || exit $?",
            "echo '" + CONNECTION + "'",
            "printf '%s\\n' \"${SSH_CONNECTION:-}\"",
            "echo '" + PROXIES + "'",
            "for f in \"$HOME\"" + PROXY_DIRECTORY + "/*/" + LOADED + "; do [ -f \"$f\" ] || continue; "
                    + "d=${f%/*}; printf '%s %s %s\\n' \"${d##*/}\" \"$(stat -c %Y \"$f\")\" \"$(head -c 80 \"$f\")\"; done",
            "echo '" + PODS + "'",
            "(cd \"$HOME\"" + NodeCommands.BERTH_DIRECTORY + "/pods 2>/dev/null && for d in */*; do "
                    + "[ -d \"$d\" ] || continue; printf '%s\\n' \"$d\"; done) || true");

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
        int connection = output.indexOf(CONNECTION, volumes);
        int proxies = connection < 0 ? -1 : output.indexOf(PROXIES, connection);
        int volumesEnd = connection < 0 ? output.length() : connection;
        List<String> volumeNames = output.substring(volumes + VOLUMES.length(), volumesEnd).lines()
                .map(String::strip).filter(name -> name.startsWith(VOLUME_PREFIX)).sorted().toList();
        String serverAddress = connection < 0 ? null : serverAddress(output.substring(connection
                + CONNECTION.length(), proxies < 0 ? output.length() : proxies));
        int pods = proxies < 0 ? -1 : output.indexOf(PODS, proxies);
        List<NodeSnapshot.LoadedConfig> loaded = proxies < 0 ? List.of()
                : loaded(output.substring(proxies + PROXIES.length(), pods < 0 ? output.length() : pods));
        List<String> podDirectories = pods < 0 ? List.of() : output.substring(pods + PODS.length()).lines()
                .map(String::strip).filter(line -> line.matches("[^/]+/[^/]+")).sorted().toList();
        return new NodeSnapshot(DockerOutput.engineFacts(output.substring(0, containers)),
                DockerOutput.containers(output.substring(containers + SEPARATOR.length(), home)),
                homeDirectory, volumeNames, serverAddress, loaded, podDirectories);
    }

    /** The server's own address: the third of {@code client-address client-port server-address server-port}. */
    static String serverAddress(String sshConnection) {
        String[] fields = sshConnection.strip().split("\\s+");
        return fields.length == 4 ? fields[2] : null;
    }

    private static List<NodeSnapshot.LoadedConfig> loaded(String text) {
        List<NodeSnapshot.LoadedConfig> loaded = new ArrayList<>();
        for (String line : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
            String[] fields = line.split(" ", 3);
            if (fields.length == 3 && fields[1].matches("[0-9]{1,12}")) {
                loaded.add(new NodeSnapshot.LoadedConfig(fields[0], fields[2].strip(),
                        Instant.ofEpochSecond(Long.parseLong(fields[1]))));
            }
        }
        return List.copyOf(loaded);
    }
}
