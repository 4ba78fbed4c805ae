package dev.berth.cli.rollout;

import dev.berth.cli.output.TabbedText;
import dev.berth.model.Container;
import dev.berth.model.Deployment;
import dev.berth.model.PodSpec;
import dev.berth.model.Probe;
import dev.berth.model.Quantity;
import dev.berth.state.StoredDeployments;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * kubectl's {@code Pod Template:} view of one revision, as {@code rollout history --revision N} prints it: labels,
 * annotations, then each container with its image, ports, command, resources, probes, environment and mounts,
 * then the volumes. A variable taken from a Secret shows the key it comes from, never its value.
 */
public final class PodTemplatePage {
    private static final String L1 = "  ";
    private static final String L2 = "    ";
    private static final String L3 = "      ";

    private final TabbedText text = new TabbedText();

    private PodTemplatePage() {
    }

    /** The view of {@code template}; {@code changeCause} joins its annotations, as kubectl shows a revision's. */
    public static String render(Deployment.PodTemplate template, String changeCause) {
        Map<String, String> annotations = new TreeMap<>(template.metadata() == null ? Map.of()
                : template.metadata().annotations());
        if (changeCause != null && !changeCause.isEmpty()) {
            annotations.put(StoredDeployments.CHANGE_CAUSE, changeCause);
        }
        PodTemplatePage page = new PodTemplatePage();
        page.text.line("Pod Template:");
        page.multiline(L1 + "Labels", template.metadata() == null ? Map.of() : template.metadata().labels(), "=");
        if (!annotations.isEmpty()) {
            page.multiline(L1 + "Annotations", annotations, ": ");
        }
        PodSpec spec = template.spec();
        page.text.line(L1 + "Containers:" + (spec.containers().isEmpty() ? " <none>" : ""));
        spec.containers().forEach(page::container);
        page.volumes(spec.volumes());
        page.multiline(L1 + "Node-Selectors", spec.nodeSelector(), "=");
        return page.text.render();
    }

    private void multiline(String title, Map<String, String> entries, String separator) {
        if (entries.isEmpty()) {
            text.line(title + ":\t<none>");
            return;
        }
        boolean first = true;
        for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
            text.line((first ? title + ":" : "") + "\t" + entry.getKey() + separator + entry.getValue());
            first = false;
        }
    }

    private void container(Container container) {
        text.line(L1 + " " + container.name() + ":");
        text.line(L2 + "Image:\t" + container.image());
        List<String> ports = container.ports().stream().map(p -> p.containerPort() + "/" + protocol(p)).toList();
        List<String> hostPorts = container.ports().stream()
                .map(p -> (p.hostPort() == null ? 0 : p.hostPort()) + "/" + protocol(p)).toList();
        text.line(L2 + (ports.size() > 1 ? "Ports:\t" : "Port:\t") + joinedOrNone(ports));
        text.line(L2 + (hostPorts.size() > 1 ? "Host Ports:\t" : "Host Port:\t") + joinedOrNone(hostPorts));
        words("Command", container.command());
        words("Args", container.args());
        if (container.resources() != null) {
            quantities("Limits", container.resources().limits());
            quantities("Requests", container.resources().requests());
        }
        probe("Liveness", container.livenessProbe());
        probe("Readiness", container.readinessProbe());
        probe("Startup", container.startupProbe());
        if (!container.envFrom().isEmpty()) {
            text.line(L2 + "Environment Variables from:");
            container.envFrom().forEach(this::envFrom);
        }
        text.line(L2 + "Environment:" + (container.env().isEmpty() ? "\t<none>" : ""));
        container.env().forEach(this::env);
        text.line(L2 + "Mounts:" + (container.volumeMounts().isEmpty() ? "\t<none>" : ""));
        container.volumeMounts().stream().sorted(Comparator.comparing(Container.VolumeMount::mountPath))
                .forEach(mount -> text.line(L3 + mount.mountPath() + " from " + mount.name() + " ("
                        + (mount.readOnly() ? "ro" : "rw")
                        + (mount.subPath() == null || mount.subPath().isEmpty() ? "" : ",path=\"" + mount.subPath() + "\"")
                        + ")"));
    }

    private void words(String title, List<String> words) {
        if (!words.isEmpty()) {
            text.line(L2 + title + ":");
            words.forEach(word -> word.lines().forEach(line -> text.line(L3 + line)));
        }
    }

    private void quantities(String title, Map<String, Quantity> quantities) {
        if (!quantities.isEmpty()) {
            text.line(L2 + title + ":");
            new TreeMap<>(quantities).forEach((name, quantity) -> text.line(L3 + name + ":\t" + quantity));
        }
    }

    private void probe(String title, Probe probe) {
        if (probe != null) {
            text.line(L2 + title + ":\t" + describe(probe));
        }
    }

    /** kubectl's one-line probe: {@code http-get http://:8080/healthz delay=0s timeout=1s period=10s ...}. */
    static String describe(Probe probe) {
        String timings = "delay=" + probe.initialDelaySeconds() + "s timeout=" + probe.timeoutSeconds() + "s period="
                + probe.periodSeconds() + "s #success=" + probe.successThreshold() + " #failure="
                + probe.failureThreshold();
        if (probe.exec() != null) {
            return "exec [" + String.join(" ", probe.exec().command()) + "] " + timings;
        }
        if (probe.httpGet() != null) {
            String scheme = probe.httpGet().scheme() == null ? "http" : probe.httpGet().scheme().toLowerCase(Locale.ROOT);
            String path = probe.httpGet().path() == null ? "" : probe.httpGet().path();
            return "http-get " + scheme + "://:" + probe.httpGet().port() + path + " " + timings;
        }
        if (probe.tcpSocket() != null) {
            return "tcp-socket :" + probe.tcpSocket().port() + " " + timings;
        }
        return "unknown " + timings;
    }

    private void envFrom(Container.EnvFrom from) {
        boolean configMap = from.configMapRef() != null;
        Container.NameRef ref = configMap ? from.configMapRef() : from.secretRef();
        String prefix = from.prefix() == null || from.prefix().isEmpty() ? "" : " with prefix '" + from.prefix() + "'";
        text.line(L3 + ref.name() + "\t" + (configMap ? "ConfigMap" : "Secret") + prefix + "\tOptional: "
                + Boolean.TRUE.equals(ref.optional()));
    }

    private void env(Container.EnvVar variable) {
        Container.EnvSource from = variable.valueFrom();
        if (from == null) {
            List<String> lines = (variable.value() == null ? "" : variable.value()).lines().toList();
            text.line(L3 + variable.name() + ":\t" + (lines.isEmpty() ? "" : lines.get(0)));
            lines.stream().skip(1).forEach(line -> text.line("\t" + line));
        } else if (from.secretKeyRef() != null) {
            text.line(L3 + variable.name() + ":\t<set to the key '" + from.secretKeyRef().key() + "' in secret '"
                    + from.secretKeyRef().name() + "'>\tOptional: " + Boolean.TRUE.equals(from.secretKeyRef().optional()));
        } else if (from.configMapKeyRef() != null) {
            text.line(L3 + variable.name() + ":\t<set to the key '" + from.configMapKeyRef().key() + "' of config map '"
                    + from.configMapKeyRef().name() + "'>\tOptional: "
                    + Boolean.TRUE.equals(from.configMapKeyRef().optional()));
        }
    }

    private void volumes(List<PodSpec.Volume> volumes) {
        if (volumes.isEmpty()) {
            text.line(L1 + "Volumes:\t<none>");
            return;
        }
        text.line(L1 + "Volumes:");
        for (PodSpec.Volume volume : volumes) {
            text.line(L1 + " " + volume.name() + ":");
            if (volume.persistentVolumeClaim() != null) {
                source("PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)",
                        "ClaimName", volume.persistentVolumeClaim().claimName(),
                        "ReadOnly", String.valueOf(volume.persistentVolumeClaim().readOnly()));
            } else if (volume.hostPath() != null) {
                String type = volume.hostPath().type();
                source("HostPath (bare host directory volume)", "Path", volume.hostPath().path(),
                        "HostPathType", type == null || type.isEmpty() ? "<none>" : type);
            } else if (volume.emptyDir() != null) {
                Quantity limit = volume.emptyDir().sizeLimit();
                String medium = volume.emptyDir().medium();
                source("EmptyDir (a temporary directory that shares a pod's lifetime)",
                        "Medium", medium == null ? "" : medium, "SizeLimit", limit == null ? "<unset>" : limit.text());
            } else if (volume.configMap() != null) {
                source("ConfigMap (a volume populated by a ConfigMap)", "Name", volume.configMap().name(),
                        "Optional", String.valueOf(Boolean.TRUE.equals(volume.configMap().optional())));
            } else if (volume.secret() != null) {
                source("Secret (a volume populated by a Secret)", "SecretName", volume.secret().secretName(),
                        "Optional", String.valueOf(Boolean.TRUE.equals(volume.secret().optional())));
            }
        }
    }

    private void source(String type, String firstKey, String first, String secondKey, String second) {
        text.line(L2 + "Type:\t" + type);
        text.line(L2 + firstKey + ":\t" + first);
        text.line(L2 + secondKey + ":\t" + second);
    }

    private static String protocol(Container.Port port) {
        return port.protocol() == null ? "TCP" : port.protocol();
    }

    private static String joinedOrNone(List<String> values) {
        return values.isEmpty() ? "<none>" : String.join(", ", values);
    }
}
