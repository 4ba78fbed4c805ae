package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Namespace (v1). berth's namespaces need no object on the servers: a Namespace is only stored, so that
 * {@code get ns} lists it even before anything runs in it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Namespace(String apiVersion, String kind, ObjectMeta metadata) implements Resource {
    public static final String API_VERSION = "v1";
    public static final String KIND = "Namespace";

    @Override
    public String summary() {
        return "namespace";
    }

    @Override
    public Namespace inNamespace(String namespace) {
        return this;
    }
}
