package dev.berth.docker;

import dev.berth.archive.FileArchive;
import dev.berth.model.BerthLabels;
import dev.berth.model.Container;
import dev.berth.model.Quantity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The exact {@code docker run} argv that starts one container of a replica. Every value from a manifest is
 * a word of its own; none is ever pasted into shell text.
 *
 * <p>Kubernetes' {@code command} replaces the image's ENTRYPOINT (and drops its CMD), {@code args} replaces
 * the CMD: {@code --entrypoint command[0] IMAGE command[1..] args}. The container's probes travel with it as
 * the {@link BerthLabels#PROBES} label; berth runs them itself (docs/adr/0008-probes.md), so no Docker health
 * check is set.
 */
public final class ContainerRunCommand {
    /** Docker's restart policy for every replica: it restarts crashed containers between berth's runs. */
    public static final String RESTART = "unless-stopped";

    /**
     * Creates the container as {@code docker run} would, copies the tar archive on standard input into it, then
     * starts it, printing its id as {@code docker run --detach} does. A copy that fails removes the container
     * and the scratch volumes of its replica that no other container uses: nothing starts without its files, and
     * no half-copied file stays behind.
     */
    static final String CREATE_COPY_START = "id=$(docker create \"$@\") || exit $?; "
            + "docker cp --archive - \"$id:/\" || { s=$?; "
            + "p=$(docker inspect --format '{{index .Config.Labels \"" + BerthLabels.POD + "\"}}' \"$id\"); "
            + "docker rm --force \"$id\" >/dev/null 2>&1; [ -n \"$p\" ] && for v in $(docker volume ls --quiet "
            + "--filter \"label=" + BerthLabels.POD + "=$p\"); do docker volume rm \"$v\" >/dev/null 2>&1; done; "
            + "exit $s; }; docker start \"$id\" >/dev/null || exit $?; printf '%s\\n' \"$id\"";

    private ContainerRunCommand() {
    }

    /**
     * The command that starts the container with {@code files} ({@link FileArchive#bytes()}, sent on its standard
     * input) in place before its process starts: {@link #argv} when there are none, else {@code docker create}
     * with the same words, {@code docker cp}, {@code docker start}.
     */
    public static List<String> argv(ContainerRun run, FileArchive files) {
        List<String> argv = argv(run);
        if (files.isEmpty()) {
            return argv;
        }
        List<String> script = new ArrayList<>(List.of("sh", "-c", CREATE_COPY_START, "sh"));
        script.addAll(argv.subList(3, argv.size()));
        return List.copyOf(script);
    }

    public static List<String> argv(ContainerRun run) {
        Container container = run.container();
        if (container.image().startsWith("-")) {
            throw new IllegalArgumentException("not an image: " + container.image());
        }
        List<String> argv = new ArrayList<>(List.of("docker", "run", "--detach", "--name", run.name()));
        labels(run).forEach((key, value) -> argv.addAll(List.of("--label", key + "=" + value)));
        argv.addAll(List.of("--restart", RESTART));
        if (run.networkOwner() == null) {
            argv.addAll(List.of("--network", run.network(), "--hostname", hostname(run.pod())));
            if (run.dnsSearch() != null) {
                argv.addAll(List.of("--dns-search", run.dnsSearch(), "--dns-option", "ndots:1"));
            }
            run.publish().forEach(port -> argv.addAll(List.of("--publish", publish(port, run.publishAddress()))));
        } else {
            argv.addAll(List.of("--network", "container:" + run.networkOwner()));
        }
        limits(container, argv);
        run.environment().forEach(variable -> argv.addAll(List.of("--env", variable.name() + "=" + variable.value())));
        if (run.envFile() != null) {
            argv.addAll(List.of("--env-file", run.envFile()));
        }
        run.mounts().forEach(mount -> argv.addAll(List.of("--mount", mount(mount))));
        if (container.workingDir() != null) {
            argv.addAll(List.of("--workdir", container.workingDir()));
        }
        argv.addAll(List.of("--stop-timeout", Integer.toString(run.stopTimeoutSeconds())));
        if (run.pullNever()) {
            argv.addAll(List.of("--pull", "never"));
        }
        if (!container.command().isEmpty()) {
            argv.addAll(List.of("--entrypoint", container.command().get(0)));
        }
        argv.add(container.image());
        if (!container.command().isEmpty()) {
            argv.addAll(container.command().subList(1, container.command().size()));
        }
        argv.addAll(container.args());
        return List.copyOf(argv);
    }

    /** The run's labels and the container's probes ({@link BerthLabels#PROBES}), in key order. */
    private static Map<String, String> labels(ContainerRun run) {
        String probes = ProbeLabel.of(run.container());
        if (probes == null) {
            return run.labels();
        }
        Map<String, String> labels = new TreeMap<>(run.labels());
        labels.put(BerthLabels.PROBES, probes);
        return labels;
    }

    /** The pod name, cut to the 63 characters a hostname may have, as Kubernetes does. */
    static String hostname(String pod) {
        String cut = pod.length() <= 63 ? pod : pod.substring(0, 63);
        return cut.replaceAll("[-.]+$", "");
    }

    private static void limits(Container container, List<String> argv) {
        if (container.resources() == null) {
            return;
        }
        Quantity memory = container.resources().limits().get("memory");
        if (memory != null) {
            argv.addAll(List.of("--memory", Long.toString(memory.bytes())));
        }
        Quantity cpu = container.resources().limits().get("cpu");
        if (cpu != null) {
            argv.addAll(List.of("--cpus", BigDecimal.valueOf(cpu.millis(), 3).stripTrailingZeros().toPlainString()));
        }
    }

    /**
     * {@code hostPort:containerPort/proto} on every address for a declared {@code hostPort} (an explicit ask, as
     * on Kubernetes); otherwise {@code address::containerPort/proto}, an ephemeral host port on the node's
     * cluster address only ({@code containerPort/proto} when no address is given).
     */
    static String publish(Container.Port port, String address) {
        String protocol = port.protocol() == null ? "tcp" : port.protocol().toLowerCase(Locale.ROOT);
        if (port.hostPort() != null) {
            return port.hostPort() + ":" + port.containerPort() + "/" + protocol;
        }
        String host = address == null ? "" : (address.contains(":") ? "[" + address + "]" : address) + "::";
        return host + port.containerPort() + "/" + protocol;
    }

    /**
     * Docker reads {@code --mount} as one CSV record: a field holding a comma or a double quote is quoted,
     * so that a path from a manifest can never add a field of its own.
     */
    static String mount(ContainerRun.Mount mount) {
        List<String> fields = new ArrayList<>();
        fields.add("type=" + mount.type());
        if (mount.source() != null) {
            fields.add("src=" + mount.source());
        }
        fields.add("dst=" + mount.target());
        if (mount.readOnly()) {
            fields.add("readonly");
        }
        fields.addAll(mount.options());
        return fields.stream().map(ContainerRunCommand::csvField).collect(Collectors.joining(","));
    }

    private static String csvField(String field) {
        boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? field : "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
