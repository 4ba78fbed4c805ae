package dev.berth.docker;

import dev.berth.model.Container;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything {@link ContainerRunCommand} needs to start one container of a replica, already resolved
 * against ConfigMaps, Secrets and the node: no lookups happen while the argv is built.
 *
 * @param name          docker container name, {@code <namespace>_<pod>_<container>}
 * @param pod           the replica's name; the hostname of its first container
 * @param networkOwner  null for the first container of the replica, which joins {@code network} and
 *                      publishes every port of the replica; the name of that first container for the others,
 *                      which share its network namespace as containers of a Kubernetes pod do
 * @param network       the Docker network replicas join
 * @param labels        berth's labels and the template's; written in key order
 * @param container     the template's container: image, command, args, working directory, limits, probes
 * @param publish       the replica's ports (only for the first container)
 * @param environment   literal and ConfigMap-sourced variables, in the order Kubernetes resolves them
 * @param envFile       absolute path of the 0600 file holding the Secret-sourced variables, or null
 * @param mounts        the container's volume mounts
 * @param pullNever     {@code imagePullPolicy: Never}: fail rather than pull
 * @param stopTimeoutSeconds the grace period between the stop signal and the kill
 * @param publishAddress the node's cluster address, which the ports without a {@code hostPort} are published
 *                       on; null publishes them on every address (tests only)
 * @param dnsSearch     the search domain of the replica's resolver, {@code <namespace>.svc.cluster.local}, so
 *                      that a Service's bare name resolves; null for none
 */
public record ContainerRun(String name, String pod, String networkOwner, String network,
                           Map<String, String> labels, Container container, List<Container.Port> publish,
                           List<Variable> environment, String envFile, List<Mount> mounts, boolean pullNever,
                           int stopTimeoutSeconds, String publishAddress, String dnsSearch) {

    public ContainerRun {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        publish = List.copyOf(publish);
        environment = List.copyOf(environment);
        mounts = List.copyOf(mounts);
    }

    public ContainerRun(String name, String pod, String networkOwner, String network,
                        Map<String, String> labels, Container container, List<Container.Port> publish,
                        List<Variable> environment, String envFile, List<Mount> mounts, boolean pullNever,
                        int stopTimeoutSeconds) {
        this(name, pod, networkOwner, network, labels, container, publish, environment, envFile, mounts, pullNever,
                stopTimeoutSeconds, null, null);
    }

    /** One environment variable given on the command line. */
    public record Variable(String name, String value) {
    }

    /**
     * One {@code --mount}.
     *
     * @param type    {@code volume}, {@code bind} or {@code tmpfs}
     * @param source  volume name or host path; null for tmpfs
     * @param options further {@code key=value} fields, e.g. {@code volume-subpath=logs}
     */
    public record Mount(String type, String source, String target, boolean readOnly, List<String> options) {
        public Mount {
            options = List.copyOf(options);
        }

        public static Mount volume(String name, String target, boolean readOnly, List<String> options) {
            return new Mount("volume", name, target, readOnly, options);
        }

        public static Mount bind(String hostPath, String target, boolean readOnly) {
            return new Mount("bind", hostPath, target, readOnly, List.of());
        }

        public static Mount tmpfs(String target, Long sizeBytes) {
            return new Mount("tmpfs", null, target, false,
                    sizeBytes == null ? List.of() : List.of("tmpfs-size=" + sizeBytes));
        }
    }
}
