package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Names;
import dev.berth.manifest.schema.Rule;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.Container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads one container: image, command, ports, environment, resources, probes and mounts. */
final class ContainerReader {
    static final Shape SHAPE = Shape.of("name", "image", "imagePullPolicy", "command", "args", "workingDir",
                    "ports", "env", "envFrom", "resources", "volumeMounts", "livenessProbe", "readinessProbe",
                    "startupProbe")
            .unsupported("lifecycle", "securityContext", "stdin", "stdinOnce", "tty", "terminationMessagePath",
                    "terminationMessagePolicy", "volumeDevices", "resizePolicy", "restartPolicy");
    static final Shape PORT = Shape.of("name", "containerPort", "hostPort", "protocol").unsupported("hostIP");
    static final Shape MOUNT = Shape.of("name", "mountPath", "readOnly", "subPath")
            .unsupported("mountPropagation", "subPathExpr", "recursiveReadOnly");
    static final List<String> PROTOCOLS = List.of("TCP", "UDP");
    static final Rule IMAGE = value -> value.isBlank() || value.chars().anyMatch(Character::isWhitespace)
            ? "must be an image reference such as registry.example.com/app:v1, got \"" + value + "\"" : null;

    private ContainerReader() {
    }

    static Container read(Fields container, Set<String> volumeNames) {
        String name = container.requiredString("name", Names.DNS_LABEL);
        String image = container.requiredString("image", IMAGE);
        String pullPolicy = container.string("imagePullPolicy", Rule.oneOf(List.of("Always", "IfNotPresent", "Never")));
        List<Container.Port> ports = ports(container);
        Set<String> portNames = new HashSet<>();
        ports.forEach(p -> {
            if (p.name() != null) {
                portNames.add(p.name());
            }
        });
        return new Container(name, image, pullPolicy == null ? defaultPullPolicy(image) : pullPolicy,
                container.strings("command"), container.strings("args"),
                container.string("workingDir", ContainerReader::absolutePath), ports,
                EnvReader.env(container), EnvReader.envFrom(container), ResourcesReader.read(container),
                mounts(container, volumeNames),
                ProbeReader.read(container, "livenessProbe", portNames),
                ProbeReader.read(container, "readinessProbe", portNames),
                ProbeReader.read(container, "startupProbe", portNames));
    }

    /** Kubernetes: Always for {@code :latest} or no tag, IfNotPresent otherwise. */
    static String defaultPullPolicy(String image) {
        if (image == null) {
            return null;
        }
        if (image.contains("@")) {
            return "IfNotPresent";
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > slash;
        return !tagged || image.endsWith(":latest") ? "Always" : "IfNotPresent";
    }

    private static List<Container.Port> ports(Fields container) {
        List<Container.Port> ports = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Fields port : container.objects("ports", PORT)) {
            String name = port.string("name", Names.PORT);
            Integer number = port.requiredInteger("containerPort", 1, 65535);
            Integer hostPort = port.integer("hostPort", 1, 65535);
            String protocol = port.string("protocol", Rule.oneOf(PROTOCOLS));
            String resolved = protocol == null ? "TCP" : protocol;
            if (number != null && !seen.add(number + "/" + resolved)) {
                port.error("containerPort", "duplicate port " + number + "/" + resolved);
            }
            if (name != null && !seen.add("name:" + name)) {
                port.error("name", "duplicate port name \"" + name + "\"");
            }
            if (number != null) {
                ports.add(new Container.Port(name, number, hostPort, resolved));
            }
        }
        return ports;
    }

    private static List<Container.VolumeMount> mounts(Fields container, Set<String> volumeNames) {
        List<Container.VolumeMount> mounts = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (Fields mount : container.objects("volumeMounts", MOUNT)) {
            String name = mount.requiredString("name", Names.DNS_LABEL);
            if (name != null && !volumeNames.contains(name)) {
                mount.error("name", "no volume named \"" + name + "\" in spec.template.spec.volumes");
            }
            String path = mount.requiredString("mountPath", ContainerReader::absolutePath);
            if (path != null && !paths.add(path)) {
                mount.error("mountPath", "\"" + path + "\" is mounted twice");
            }
            boolean readOnly = Boolean.TRUE.equals(mount.bool("readOnly"));
            String subPath = mount.string("subPath", ContainerReader::relativePath);
            mounts.add(new Container.VolumeMount(name, path, readOnly, subPath));
        }
        return mounts;
    }

    static String absolutePath(String value) {
        return value.startsWith("/") ? null : "must be an absolute path, got \"" + value + "\"";
    }

    static String relativePath(String value) {
        if (value.startsWith("/") || List.of(value.split("/")).contains("..")) {
            return "must be a relative path without '..', got \"" + value + "\"";
        }
        return null;
    }
}
