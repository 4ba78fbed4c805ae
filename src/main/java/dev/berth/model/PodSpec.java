package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** What runs in each replica: containers, their volumes, where they may run. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodSpec(List<Container> containers, List<Volume> volumes, Map<String, String> nodeSelector,
                      String restartPolicy, Integer terminationGracePeriodSeconds) {

    public PodSpec {
        containers = Maps.copy(containers);
        volumes = Maps.copy(volumes);
        nodeSelector = Maps.copy(nodeSelector);
    }

    /** Whether a volume of this spec is the PersistentVolumeClaim {@code claim} (of the same namespace). */
    public boolean mountsClaim(String claim) {
        return volumes.stream().map(Volume::persistentVolumeClaim)
                .anyMatch(source -> source != null && claim.equals(source.claimName()));
    }

    /** A named volume with exactly one source. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Volume(String name, ClaimSource persistentVolumeClaim, HostPathSource hostPath,
                         EmptyDirSource emptyDir, ConfigMapSource configMap, SecretSource secret) {
    }

    /** A PersistentVolumeClaim in the same namespace. */
    public record ClaimSource(String claimName, boolean readOnly) {
    }

    /** A directory or file of the server; {@code type} is empty when nothing is checked. */
    public record HostPathSource(String path, String type) {
    }

    /** A scratch directory that lives as long as the replica; {@code Memory} means tmpfs. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record EmptyDirSource(String medium, Quantity sizeLimit) {
    }

    /** Keys of a ConfigMap as files. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ConfigMapSource(String name, List<KeyToPath> items, int defaultMode, Boolean optional) {
        public ConfigMapSource {
            items = Maps.copy(items);
        }
    }

    /** Keys of a Secret as files (mode 0644 unless told otherwise, as in Kubernetes). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SecretSource(String secretName, List<KeyToPath> items, int defaultMode, Boolean optional) {
        public SecretSource {
            items = Maps.copy(items);
        }
    }

    /** One key written to a relative path; {@code mode} (null: the volume's {@code defaultMode}) is the file's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyToPath(String key, String path, Integer mode) {
        public KeyToPath(String key, String path) {
            this(key, path, null);
        }
    }
}
