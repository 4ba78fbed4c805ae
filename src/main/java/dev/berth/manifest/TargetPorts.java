package dev.berth.manifest;

import dev.berth.model.Container;
import dev.berth.model.Deployment;
import dev.berth.model.Service;

import java.util.List;
import java.util.Locale;

/**
 * A Service port whose {@code targetPort} no container of a selected Deployment declares is a warning. On
 * Kubernetes any port of a pod is reachable; berth publishes only the declared {@code containerPort}s, on the
 * node's cluster address, so such a Service would have no endpoints there.
 */
final class TargetPorts {

    private TargetPorts() {
    }

    static void check(Located object, Service service, List<Deployment> selected, Problems problems) {
        List<Service.Port> ports = service.spec().ports();
        for (int p = 0; p < ports.size(); p++) {
            Service.Port port = ports.get(p);
            String protocol = port.protocol() == null ? "TCP" : port.protocol().toUpperCase(Locale.ROOT);
            for (Deployment deployment : selected) {
                if (!declares(deployment, port, protocol)) {
                    String base = "spec.ports[" + p + "].";
                    String path = ReferencePositions.find(object.document(), base + "targetPort").isPresent()
                            ? base + "targetPort" : base + "port";
                    Position at = ReferencePositions.find(object.document(), path).orElse(object.position("spec"));
                    problems.warn(at, path, "Deployment \"" + deployment.metadata().name() + "\" declares no "
                            + protocol + " containerPort " + (port.targetPort() == null ? port.port()
                            : port.targetPort().isNumber() ? port.targetPort().number()
                            : "named \"" + port.targetPort().text() + "\"")
                            + "; berth publishes only declared ports, so this port reaches none of its replicas");
                }
            }
        }
    }

    private static boolean declares(Deployment deployment, Service.Port port, String protocol) {
        return deployment.spec().template().spec().containers().stream().flatMap(c -> c.ports().stream())
                .filter(p -> (p.protocol() == null ? "TCP" : p.protocol().toUpperCase(Locale.ROOT)).equals(protocol))
                .anyMatch(p -> matches(p, port));
    }

    private static boolean matches(Container.Port declared, Service.Port port) {
        if (port.targetPort() == null) {
            return declared.containerPort() == port.port();
        }
        return port.targetPort().isNumber() ? declared.containerPort() == port.targetPort().number()
                : port.targetPort().text().equals(declared.name());
    }
}
