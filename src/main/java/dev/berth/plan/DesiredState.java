package dev.berth.plan;

import dev.berth.model.ConfigMap;
import dev.berth.model.Deployment;
import dev.berth.model.Ingress;
import dev.berth.model.ObjectMeta;
import dev.berth.model.PersistentVolumeClaim;
import dev.berth.model.Secret;
import dev.berth.model.Service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The complete set of objects berth should run: the last applied set. A Deployment absent from it has
 * its replicas removed, a Service absent from it its proxies.
 */
public record DesiredState(List<Deployment> deployments, List<ConfigMap> configMaps, List<Secret> secrets,
                           List<PersistentVolumeClaim> claims, List<Service> services, List<Ingress> ingresses) {
    public DesiredState {
        deployments = List.copyOf(deployments);
        configMaps = List.copyOf(configMaps);
        secrets = List.copyOf(secrets);
        claims = List.copyOf(claims);
        services = List.copyOf(services);
        ingresses = List.copyOf(ingresses);
    }

    public DesiredState(List<Deployment> deployments, List<ConfigMap> configMaps, List<Secret> secrets,
                        List<PersistentVolumeClaim> claims) {
        this(deployments, configMaps, secrets, claims, List.of(), List.of());
    }

    /** The Deployments of {@code namespace} that mount the claim {@code claim}, by {@link #key(Deployment)}. */
    public List<Deployment> mounting(String namespace, String claim) {
        return deployments.stream().filter(d -> namespace.equals(namespace(d.metadata()))
                && d.spec().template().spec().mountsClaim(claim)).sorted(Comparator.comparing(DesiredState::key))
                .toList();
    }

    /** {@code namespace/name}: how plans, revisions and pending replicas name a Deployment. */
    public static String key(Deployment deployment) {
        return key(namespace(deployment.metadata()), deployment.metadata().name());
    }

    public static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    public Optional<ConfigMap> configMap(String namespace, String name) {
        return configMaps.stream().filter(c -> namespace(c.metadata()).equals(namespace)
                && c.metadata().name().equals(name)).findFirst();
    }

    public Optional<Secret> secret(String namespace, String name) {
        return secrets.stream().filter(s -> namespace(s.metadata()).equals(namespace)
                && s.metadata().name().equals(name)).findFirst();
    }

    static String namespace(ObjectMeta metadata) {
        return metadata.namespace() == null ? ObjectMeta.DEFAULT_NAMESPACE : metadata.namespace();
    }
}
