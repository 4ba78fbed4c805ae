package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** A PersistentVolumeClaim (v1): on berth, a named Docker volume on one server. */
public record PersistentVolumeClaim(String apiVersion, String kind, ObjectMeta metadata, Spec spec)
        implements Resource {
    public static final String API_VERSION = "v1";
    public static final String KIND = "PersistentVolumeClaim";
    /**
     * The annotation that says what becomes of the claim's Docker volume when the claim is deleted, as a
     * PersistentVolume's {@code persistentVolumeReclaimPolicy} does: {@value #RETAIN} (the default) keeps it,
     * {@value #DELETE} removes it.
     */
    public static final String RECLAIM_POLICY = "berth.dev/reclaim-policy";
    public static final String RETAIN = "Retain";
    public static final String DELETE = "Delete";

    /** Access modes, requested size, storage class and volume mode. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(List<String> accessModes, Requests resources, String storageClassName, String volumeMode) {
        public Spec {
            accessModes = Maps.copy(accessModes);
        }
    }

    /** The requested storage. */
    public record Requests(Map<String, Quantity> requests) {
        public Requests {
            requests = Maps.copy(requests);
        }
    }

    /** {@value #RETAIN} or {@value #DELETE}, from the {@value #RECLAIM_POLICY} annotation. */
    public String reclaimPolicy() {
        String policy = metadata.annotations().get(RECLAIM_POLICY);
        return DELETE.equals(policy) ? DELETE : RETAIN;
    }

    @Override
    public String summary() {
        return spec.resources().requests().get("storage") + ", " + String.join(",", spec.accessModes());
    }

    @Override
    public PersistentVolumeClaim inNamespace(String namespace) {
        return new PersistentVolumeClaim(apiVersion, kind, metadata.inNamespace(namespace), spec);
    }
}
