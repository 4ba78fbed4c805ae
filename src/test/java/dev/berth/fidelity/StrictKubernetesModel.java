package dev.berth.fidelity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON trees into fabric8's classes of Kubernetes' own object model, strictly: a field the real type does
 * not have fails, even where fabric8 would keep it aside (its {@code additionalProperties}). A {@code kind: List}
 * gives its items.
 */
final class StrictKubernetesModel {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Pod", Pod.class,
            "v1/Service", Service.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
            "v1/Namespace", Namespace.class,
            "v1/Event", Event.class);

    private StrictKubernetesModel() {
    }

    /** Whether the document is of a kind Kubernetes has (berth's own Cluster is not). */
    static boolean isKubernetes(JsonNode document) {
        return document.path("kind").asText().equals("List") || KINDS.containsKey(key(document));
    }

    /** The objects of a document: itself, or a List's items, each read into its real type. */
    static List<HasMetadata> read(JsonNode document) {
        List<HasMetadata> objects = new ArrayList<>();
        if (document.path("kind").asText().equals("List")) {
            document.path("items").forEach(item -> objects.add(one(item)));
        } else {
            objects.add(one(document));
        }
        return objects;
    }

    private static HasMetadata one(JsonNode document) {
        Class<? extends HasMetadata> type = KINDS.get(key(document));
        if (type == null) {
            throw new AssertionError("no Kubernetes kind " + key(document));
        }
        try {
            HasMetadata object = MAPPER.treeToValue(document, type);
            requireNoExtraFields(object, type.getSimpleName(), new IdentityHashMap<>());
            return object;
        } catch (Exception e) {
            throw new AssertionError(key(document) + " " + document.path("metadata").path("name").asText()
                    + " does not read as Kubernetes' " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String key(JsonNode document) {
        return document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    }

    /** Fails at the first fabric8 object that kept a field its type does not have. */
    private static void requireNoExtraFields(Object value, String path, Map<Object, Boolean> seen) throws Exception {
        if (value == null || seen.containsKey(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                requireNoExtraFields(item, path + "[" + i++ + "]", seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                requireNoExtraFields(entry.getValue(), path + "." + entry.getKey(), seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        seen.put(value, true);
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || !method.getName().startsWith("get")
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = method.invoke(value);
            if (method.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    throw new AssertionError(path + " has fields Kubernetes does not: " + extra.keySet());
                }
                continue;
            }
            requireNoExtraFields(field, path + "." + method.getName().substring(3), seen);
        }
    }
}
