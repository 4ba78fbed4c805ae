package dev.berth.model;

/** An object of the desired state: a Kubernetes-subset kind or a berth Cluster inventory. */
public sealed interface Resource
        permits Deployment, Service, Ingress, PersistentVolumeClaim, ConfigMap, Secret, Namespace, Cluster {

    String apiVersion();

    String kind();

    ObjectMeta metadata();

    /** A one-line description for tables, e.g. {@code 3 replicas, image registry/app:v1}. */
    String summary();

    /** The same object in {@code namespace}; an object of no namespace stays as it is. */
    Resource inNamespace(String namespace);

    /** {@code kind/namespace/name}: two objects with the same identity are the same object. */
    default String identity() {
        return kind() + "/" + (metadata().namespace() == null ? "" : metadata().namespace()) + "/" + metadata().name();
    }
}
