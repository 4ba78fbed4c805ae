package dev.berth.docker;

import dev.berth.model.Container;
import dev.berth.model.Probe;
import dev.berth.model.Quantity;
import dev.berth.shell.ShellQuote;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The exact {@code docker run} argv that starts one container of a replica. Every value from a manifest is
 * a word of its own; none is ever pasted into shell text, except the words of an {@code exec} probe, which
 * Docker runs through {@code /bin/sh -c} and which {@link ShellQuote} therefore quotes one by one.
 *
 * <p>Kubernetes' {@code command} replaces the image's ENTRYPOINT (and drops its CMD), {@code args} replaces
 * the CMD: {@code --entrypoint command[0] IMAGE command[1..] args}. An {@code exec} readiness probe (else
 * liveness probe) becomes Docker's health check; HTTP and TCP probes are checked by berth itself.
 */
public final class ContainerRunCommand {
    /** Docker's restart policy for every replica: it restarts crashed containers between berth's runs. */
    public static final String RESTART = "unless-stopped";

    private ContainerRunCommand() {
    }

    public static List<String> argv(ContainerRun run) {
        Container container = run.container();
        if (container.image().startsWith("-")) {
            throw new IllegalArgumentException("not an image: " + container.image());
        }
        List<String> argv = new ArrayList<>(List.of("docker", "run", "--detach", "--name", run.name()));
        run.labels().forEach((key, value) -> argv.addAll(List.of("--label", key + "=" + value)));
        argv.addAll(List.of("--restart", RESTART));
        if (run.networkOwner() == null) {
            argv.addAll(List.of("--network", run.network(), "--hostname", hostname(run.pod())));
            run.publish().forEach(port -> argv.addAll(List.of("--publish", publish(port))));
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
        HealthCheck.flags(container).forEach(argv::add);
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

    /** {@code hostPort:containerPort/proto}, or {@code containerPort/proto} for an ephemeral host port. */
    private static String publish(Container.Port port) {
        String protocol = port.protocol() == null ? "tcp" : port.protocol().toLowerCase(Locale.ROOT);
        return (port.hostPort() == null ? "" : port.hostPort() + ":") + port.containerPort() + "/" + protocol;
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

    /** Docker's one health check, from the container's exec probe. */
    static final class HealthCheck {
        private HealthCheck() {
        }

        static List<String> flags(Container container) {
            Probe probe = exec(container.readinessProbe()) ? container.readinessProbe()
                    : exec(container.livenessProbe()) ? container.livenessProbe() : null;
            if (probe == null) {
                return List.of();
            }
            int startPeriod = probe.initialDelaySeconds();
            Probe startup = container.startupProbe();
            if (startup != null) {
                startPeriod += startup.initialDelaySeconds() + startup.periodSeconds() * startup.failureThreshold();
            }
            List<String> flags = new ArrayList<>(List.of(
                    "--health-cmd", ShellQuote.commandLine(probe.exec().command()),
                    "--health-interval", probe.periodSeconds() + "s",
                    "--health-timeout", probe.timeoutSeconds() + "s",
                    "--health-retries", Integer.toString(probe.failureThreshold())));
            if (startPeriod > 0) {
                flags.addAll(List.of("--health-start-period", startPeriod + "s"));
            }
            return flags;
        }

        private static boolean exec(Probe probe) {
            return probe != null && probe.exec() != null && !probe.exec().command().isEmpty();
        }
    }
}
