package dev.berth.proxy;

import dev.berth.model.BerthLabels;
import dev.berth.model.LabelSelector;
import dev.berth.model.ObjectMeta;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import dev.berth.model.PortNames;
import dev.berth.model.PublishedPort;
import dev.berth.model.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where every Service's traffic goes: for each Service and port, the replicas of its namespace whose labels its
 * selector matches, each at the host port on which the container port that {@code targetPort} names (by number,
 * or by name through the pod's {@link BerthLabels#PORTS} label) is published. A replica that does not publish
 * that port is no endpoint of it, as a Kubernetes pod without the named port is none. A Service without a
 * selector has no endpoints.
 */
public final class Endpoints {
    private final List<ServiceEndpoints> services;

    private Endpoints(List<ServiceEndpoints> services) {
        this.services = List.copyOf(services);
    }

    /**
     * The endpoints of the Services among the observed replicas.
     *
     * @param nodeAddresses each node's cluster address by node name: the address of a port Docker reports as
     *                      published on every address ({@code 0.0.0.0}, {@code ::} or empty)
     */
    public static Endpoints of(Collection<Service> services, Collection<ObservedPod> pods,
                               Map<String, String> nodeAddresses) {
        List<ObservedPod> ordered = pods.stream().sorted(Comparator.comparing(ObservedPod::node)
                .thenComparing(ObservedPod::namespace).thenComparing(ObservedPod::name)).toList();
        List<ServiceEndpoints> found = new ArrayList<>();
        services.stream().sorted(Comparator.comparing((Service s) -> namespace(s.metadata()))
                        .thenComparing(s -> s.metadata().name()))
                .forEach(service -> found.add(of(service, ordered, nodeAddresses)));
        return new Endpoints(found);
    }

    /** Every Service, by namespace then name. */
    public List<ServiceEndpoints> services() {
        return services;
    }

    public Optional<ServiceEndpoints> find(String namespace, String name) {
        return services.stream().filter(s -> s.namespace().equals(namespace) && s.name().equals(name)).findFirst();
    }

    static String namespace(ObjectMeta metadata) {
        return metadata.namespace() == null ? ObjectMeta.DEFAULT_NAMESPACE : metadata.namespace();
    }

    private static ServiceEndpoints of(Service service, List<ObservedPod> pods, Map<String, String> nodeAddresses) {
        String namespace = namespace(service.metadata());
        LabelSelector selector = new LabelSelector(service.spec().selector(), List.of());
        List<ObservedPod> selected = service.spec().selector().isEmpty() ? List.of() : pods.stream()
                .filter(pod -> pod.namespace().equals(namespace) && pod.deployment() != null
                        && selector.matches(pod.labels()))
                .toList();
        List<PortEndpoints> ports = new ArrayList<>();
        for (Service.Port port : service.spec().ports()) {
            String protocol = port.protocol() == null ? "TCP" : port.protocol().toUpperCase(Locale.ROOT);
            List<EndpointAddress> addresses = new ArrayList<>();
            for (ObservedPod pod : selected) {
                published(pod, port, protocol).ifPresent(published -> addresses.add(new EndpointAddress(pod.node(),
                        address(published, nodeAddresses.get(pod.node())), published.hostPort(), pod.name(),
                        pod.ready())));
            }
            ports.add(new PortEndpoints(port.name(), port.port(), protocol, addresses));
        }
        return new ServiceEndpoints(service, ports);
    }

    /** The published port of the container port the Service port's {@code targetPort} names on this pod. */
    private static Optional<PublishedPort> published(ObservedPod pod, Service.Port port, String protocol) {
        OptionalInt containerPort = port.targetPort() == null ? OptionalInt.of(port.port())
                : port.targetPort().isNumber() ? OptionalInt.of(port.targetPort().number())
                : PortNames.parse(pod.label(BerthLabels.PORTS)).resolve(port.targetPort().text(), protocol);
        if (containerPort.isEmpty()) {
            return Optional.empty();
        }
        return pod.containers().stream().map(ObservedContainer::ports).flatMap(List::stream)
                .filter(p -> p.containerPort() == containerPort.getAsInt()
                        && p.protocol().equalsIgnoreCase(protocol))
                .findFirst();
    }

    private static String address(PublishedPort published, String nodeAddress) {
        String host = published.hostIp();
        boolean everywhere = host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::");
        return everywhere && nodeAddress != null ? nodeAddress : host;
    }
}
