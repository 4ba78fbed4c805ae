package dev.berth.cli.observe;

import dev.berth.exec.ClusterPicture;
import dev.berth.exec.DesiredStates;
import dev.berth.exec.NodeObservation;
import dev.berth.model.Ingress;
import dev.berth.model.ObjectMeta;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import dev.berth.model.Resource;
import dev.berth.model.Secret;
import dev.berth.model.Service;
import dev.berth.proxy.Endpoints;
import dev.berth.proxy.ServiceProxyNames;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Services and Ingresses of the desired state stored on the cluster, with the endpoints the observed replicas
 * give the Services: what {@code get services|ingresses|endpoints} and {@code describe service|ingress} show.
 */
record RoutedObjects(List<Service> services, List<Ingress> ingresses, List<Secret> secrets, Endpoints endpoints,
                     List<NodeObservation> observed) {

    static RoutedObjects of(ClusterPicture picture) {
        List<Resource> objects = picture.record().map(DesiredStates::objects).orElse(List.of());
        List<Service> services = sorted(objects, Service.class);
        Map<String, String> addresses = new LinkedHashMap<>();
        List<ObservedPod> pods = new ArrayList<>();
        for (NodeObservation observation : picture.observed()) {
            addresses.put(observation.node().name(), observation.node().address());
            if (observation.snapshot() != null) {
                pods.addAll(ObservedPod.group(observation.node().name(), observation.snapshot().containers()));
            }
        }
        return new RoutedObjects(services, sorted(objects, Ingress.class), sorted(objects, Secret.class),
                Endpoints.of(services, pods, addresses), picture.observed());
    }

    static String namespace(Resource resource) {
        return Objects.requireNonNullElse(resource.metadata().namespace(), ObjectMeta.DEFAULT_NAMESPACE);
    }

    /**
     * When the Service came to the cluster, as far as the servers tell: when its oldest proxy container was
     * created; {@code null} before any proxy of it runs.
     */
    Instant createdAt(Service service) {
        String name = ServiceProxyNames.containerName(namespace(service), service.metadata().name());
        return observed.stream().filter(o -> o.snapshot() != null)
                .flatMap(o -> o.snapshot().containers().stream())
                .filter(c -> c.name().equals(name) || c.name().equals("/" + name))
                .map(ObservedContainer::createdAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** The addresses of the edge nodes, where the Ingresses are served. */
    List<String> edgeAddresses() {
        return observed.stream().filter(o -> o.node().edge()).map(o -> o.node().address()).toList();
    }

    private static <T extends Resource> List<T> sorted(List<Resource> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast)
                .sorted(Comparator.comparing((T r) -> namespace(r)).thenComparing(r -> r.metadata().name()))
                .toList();
    }
}
