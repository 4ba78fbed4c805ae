package dev.berth.cli.observe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.model.ObjectMeta;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * What the Kubernetes-shaped objects of {@code get -o yaml|json} share: their metadata, with the fields a
 * Kubernetes server sets (uid, generation, creationTimestamp) made up the same way on every run, so that the same
 * object prints the same.
 */
final class KubernetesObjects {
    static final ObjectMapper JSON = JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private KubernetesObjects() {
    }

    /** A fresh object of {@code apiVersion} and {@code kind}. */
    static ObjectNode object(String apiVersion, String kind) {
        ObjectNode object = JSON.createObjectNode();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        return object;
    }

    /**
     * The metadata of an object: name, namespace, labels and annotations as stored, then a uid derived from kind,
     * namespace, name and creation, the generation when known and the creation time when known.
     */
    static ObjectNode metadata(ObjectNode object, String kind, ObjectMeta meta, String namespace, Instant created,
                               Long generation) {
        return metadata(object, kind, meta.name(), namespace, meta.labels(), meta.annotations(), created, generation);
    }

    static ObjectNode metadata(ObjectNode object, String kind, String name, String namespace,
                               Map<String, String> labels, Map<String, String> annotations, Instant created,
                               Long generation) {
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        if (!labels.isEmpty()) {
            ObjectNode shown = metadata.putObject("labels");
            labels.forEach(shown::put);
        }
        if (!annotations.isEmpty()) {
            ObjectNode shown = metadata.putObject("annotations");
            annotations.forEach(shown::put);
        }
        metadata.put("uid", uid(kind, namespace, name, created));
        if (generation != null) {
            metadata.put("generation", generation);
        }
        if (created != null) {
            metadata.put("creationTimestamp", time(created));
        }
        return metadata;
    }

    /** A stable uid: the same object, created at the same time, has the same uid on every run. */
    static String uid(String kind, String namespace, String name, Instant created) {
        String seed = kind + "/" + (namespace == null ? "" : namespace) + "/" + name + "/"
                + (created == null ? "" : created.toString());
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A time as Kubernetes prints it: RFC 3339 in UTC, to the second. */
    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
