package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/**
 * The probes of one container as berth carries them on the container itself ({@link BerthLabels#PROBES}), with
 * every named port already resolved to the container's port number: a later run probes the container by these
 * rules alone, whatever the desired state says by then.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerProbes(Probe readinessProbe, Probe livenessProbe, Probe startupProbe) {

    /** The container's probes with named ports resolved; null when it has none. */
    public static ContainerProbes of(Container container) {
        if (container.readinessProbe() == null && container.livenessProbe() == null
                && container.startupProbe() == null) {
            return null;
        }
        return new ContainerProbes(resolved(container.readinessProbe(), container),
                resolved(container.livenessProbe(), container), resolved(container.startupProbe(), container));
    }

    /** The probes that are set, as readiness, liveness, startup. */
    public List<Probe> all() {
        List<Probe> all = new ArrayList<>();
        for (Probe probe : new Probe[]{readinessProbe, livenessProbe, startupProbe}) {
            if (probe != null) {
                all.add(probe);
            }
        }
        return all;
    }

    private static Probe resolved(Probe probe, Container container) {
        if (probe == null) {
            return null;
        }
        Probe.HttpGet http = probe.httpGet() == null ? null : new Probe.HttpGet(probe.httpGet().path(),
                number(probe.httpGet().port(), container), probe.httpGet().scheme(), probe.httpGet().httpHeaders());
        Probe.TcpSocket tcp = probe.tcpSocket() == null ? null
                : new Probe.TcpSocket(number(probe.tcpSocket().port(), container));
        return new Probe(http, tcp, probe.exec(), probe.initialDelaySeconds(), probe.periodSeconds(),
                probe.timeoutSeconds(), probe.successThreshold(), probe.failureThreshold());
    }

    /** A port number as it is, a port name as the number of the container's port of that name. */
    private static IntOrString number(IntOrString port, Container container) {
        if (port == null || port.isNumber()) {
            return port;
        }
        return container.ports().stream().filter(p -> port.text().equals(p.name())).findFirst()
                .map(p -> IntOrString.of(p.containerPort()))
                .orElseThrow(() -> new IllegalArgumentException("container " + container.name()
                        + " has no port named \"" + port.text() + "\""));
    }
}
