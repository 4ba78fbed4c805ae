package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Optional;

/**
 * A named pointer at a cluster inventory file, like a kubeconfig context.
 *
 * @param name      what the user calls it: {@code berth config use-context NAME}
 * @param cluster   the absolute path of the cluster inventory file
 * @param namespace the namespace verbs use when none is given, or {@code null} for {@code default}
 */
@JsonPropertyOrder({"name", "cluster", "namespace"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Context(String name, String cluster, String namespace) {

    public Context {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a context needs a name");
        }
        if (cluster == null || cluster.isBlank()) {
            throw new IllegalArgumentException("context \"" + name + "\" needs a cluster file");
        }
        if (namespace != null && namespace.isBlank()) {
            namespace = null;
        }
    }

    public Optional<String> defaultNamespace() {
        return Optional.ofNullable(namespace);
    }

    public Context withCluster(String newCluster) {
        return new Context(name, newCluster, namespace);
    }

    public Context withNamespace(String newNamespace) {
        return new Context(name, cluster, newNamespace);
    }
}
