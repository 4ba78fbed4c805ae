package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** Name, namespace (null for cluster-scoped objects), labels and annotations. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectMeta(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    public static final String DEFAULT_NAMESPACE = "default";

    public ObjectMeta {
        labels = Maps.copy(labels);
        annotations = Maps.copy(annotations);
    }

    public ObjectMeta inNamespace(String namespace) {
        return new ObjectMeta(name, namespace, labels, annotations);
    }
}
