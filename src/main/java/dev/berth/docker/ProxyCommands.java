package dev.berth.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The commands that start berth's nginx containers (the edge, the Service proxies) and carry out the reload
 * protocol on a node, as argument lists: the candidate configuration is checked by {@code nginx -t} inside the
 * proxy's own image, switched in by a rename, loaded by {@code nginx -s reload}, and switched back when the
 * running nginx does not serve it. Every proxy keeps its files in a directory of its own on the node, mounted
 * read-only into the container.
 */
public final class ProxyCommands {
    /** The live configuration, in the proxy's directory. */
    public static final String CONFIG = "nginx.conf";
    /** The configuration being checked, beside the live one. */
    public static final String CANDIDATE = "nginx.conf.next";
    /** The configuration before the last switch, kept to switch back to. */
    public static final String PREVIOUS = "nginx.conf.previous";

    private ProxyCommands() {
    }

    /** The edge: nginx on the node's own network (host networking), so that it listens on the node's ports. */
    public static List<String> runEdge(String name, String image, String directory, String mountedAt,
                                       Map<String, String> labels) {
        List<String> argv = start(name, labels);
        argv.addAll(List.of("--network", "host"));
        return finish(argv, image, directory, mountedAt);
    }

    /**
     * A Service's proxy: nginx on berth's network under the Service's names ({@code aliases}), publishing
     * {@code publish} ({@code nodePort:port/protocol} of a NodePort Service, on every address).
     */
    public static List<String> runServiceProxy(String name, String image, String directory, String mountedAt,
                                               String network, List<String> aliases, List<String> publish,
                                               Map<String, String> labels) {
        List<String> argv = start(name, labels);
        argv.addAll(List.of("--network", network));
        aliases.forEach(alias -> argv.addAll(List.of("--network-alias", alias)));
        publish.forEach(port -> argv.addAll(List.of("--publish", port)));
        return finish(argv, image, directory, mountedAt);
    }

    /** {@code nginx -t} of the candidate inside the running proxy. */
    public static List<String> test(String container, String mountedAt) {
        return List.of("docker", "exec", container, "nginx", "-t", "-q", "-c", mountedAt + "/" + CANDIDATE);
    }

    /** {@code nginx -t} of the candidate in a throw-away container of the image, before the proxy first starts. */
    public static List<String> testInImage(String image, String directory, String mountedAt) {
        requireImage(image);
        return List.of("docker", "run", "--rm", "--network", "none", "--mount", mount(directory, mountedAt),
                "--entrypoint", "nginx", image, "-t", "-q", "-c", mountedAt + "/" + CANDIDATE);
    }

    /** Makes the candidate live by a rename, keeping the live one (if any) as the previous. */
    public static List<String> switchToCandidate(String directory) {
        return List.of("sh", "-c", "cd \"$1\" && { [ ! -e " + CONFIG + " ] || ln -f " + CONFIG + " " + PREVIOUS
                + "; } && mv -f " + CANDIDATE + " " + CONFIG, "sh", ProxyDirectory.check(directory));
    }

    /** Makes the previous configuration live again (none: the live one goes), and drops any candidate. */
    public static List<String> switchBack(String directory) {
        return List.of("sh", "-c", "cd \"$1\" && rm -f " + CANDIDATE + " && if [ -e " + PREVIOUS + " ]; then mv -f "
                + PREVIOUS + " " + CONFIG + "; else rm -f " + CONFIG + "; fi", "sh", ProxyDirectory.check(directory));
    }

    /** Drops a candidate nginx refused. */
    public static List<String> discardCandidate(String directory) {
        return List.of("rm", "-f", "--", ProxyDirectory.check(directory) + "/" + CANDIDATE);
    }

    /**
     * How many of the proxy's nginx workers are still shutting down after a reload: those of the configuration
     * before, finishing the requests and connections they carry. Read from the node's {@code /proc} (the
     * master's children), so that it needs nothing inside the image and no root; prints a number.
     */
    public static List<String> oldWorkers(String container) {
        return List.of("sh", "-c", "pid=$(docker inspect --format '{{.State.Pid}}' \"$1\") || exit 1; n=0; "
                + "for c in $(grep -sla 'shutting down' /proc/[0-9]*/cmdline); do "
                + "set -- $(cat \"${c%/cmdline}/stat\" 2>/dev/null); [ \"$4\" != \"$pid\" ] || n=$((n + 1)); "
                + "done; echo \"$n\"", "sh", container);
    }

    /** Tells the proxy's nginx master to load its configuration again, gracefully. */
    public static List<String> reload(String container, String mountedAt) {
        return List.of("docker", "exec", container, "nginx", "-c", mountedAt + "/" + CONFIG, "-s", "reload");
    }

    /** The proxy's address on {@code network}, to ask its hash listener. */
    public static List<String> address(String container, String network) {
        if (!network.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("not a network name: " + network);
        }
        return List.of("docker", "inspect", "--type", "container", "--format",
                "{{with index .NetworkSettings.Networks \"" + network + "\"}}{{.IPAddress}}{{end}}", container);
    }

    /** The last lines nginx wrote to its error log (the container's stderr). */
    public static List<String> lastLog(String container) {
        return List.of("docker", "logs", "--tail", "20", container);
    }

    /** Removes a proxy container and its directory of files; gone already is fine. */
    public static List<String> remove(String container, String directory) {
        return List.of("sh", "-c", "docker rm --force \"$1\" >/dev/null 2>&1; rm -rf -- \"$2\"; "
                + "! docker container inspect \"$1\" >/dev/null 2>&1", "sh", container, ProxyDirectory.check(directory));
    }

    private static List<String> start(String name, Map<String, String> labels) {
        List<String> argv = new ArrayList<>(List.of("docker", "run", "--detach", "--name", name));
        new TreeMap<>(labels).forEach((key, value) -> argv.addAll(List.of("--label", key + "=" + value)));
        argv.addAll(List.of("--restart", ContainerRunCommand.RESTART));
        return argv;
    }

    private static List<String> finish(List<String> argv, String image, String directory, String mountedAt) {
        requireImage(image);
        argv.addAll(List.of("--mount", mount(directory, mountedAt), "--entrypoint", "nginx", image,
                "-c", mountedAt + "/" + CONFIG, "-g", "daemon off;"));
        return List.copyOf(argv);
    }

    private static String mount(String directory, String mountedAt) {
        return ContainerRunCommand.mount(ContainerRun.Mount.bind(ProxyDirectory.check(directory), mountedAt, true));
    }

    private static void requireImage(String image) {
        if (image.startsWith("-")) {
            throw new IllegalArgumentException("not an image: " + image);
        }
    }
}
