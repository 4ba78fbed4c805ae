package dev.berth.cli.converge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.error.InvalidInputException;
import dev.berth.manifest.schema.Spelling;
import dev.berth.model.Deployment;
import dev.berth.model.Resource;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Scope;
import dev.berth.state.StateRecord;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Naming and editing objects of the stored desired state by kubectl's TYPE and NAME. */
public final class StoredObjects {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The scope of a run about {@code objects}: their Deployments, by {@code namespace/name}. */
    static Scope deployments(List<Resource> objects) {
        return Scope.of(objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .map(DesiredState::key).toList());
    }

    /** kubectl's resource names of the kinds berth stores, each with its kind. */
    public enum StoredKind {
        DEPLOYMENT("Deployment", "deployments", "deployment", "deploy"),
        SERVICE("Service", "services", "service", "svc"),
        INGRESS("Ingress", "ingresses", "ingress", "ing"),
        CLAIM("PersistentVolumeClaim", "persistentvolumeclaims", "persistentvolumeclaim", "pvc"),
        CONFIG_MAP("ConfigMap", "configmaps", "configmap", "cm"),
        SECRET("Secret", "secrets", "secret");

        final String kind;
        private final List<String> names;

        StoredKind(String kind, String... names) {
            this.kind = kind;
            this.names = List.of(names);
        }

        public static StoredKind parse(String text) {
            String wanted = text.toLowerCase(Locale.ROOT);
            String bare = wanted.contains(".") ? wanted.substring(0, wanted.indexOf('.')) : wanted;
            return Arrays.stream(values()).filter(k -> k.names.contains(bare)).findFirst()
                    .orElseThrow(() -> unknown(text));
        }

        private static InvalidInputException unknown(String text) {
            String closest = Spelling.closest(text, Arrays.stream(values()).flatMap(k -> k.names.stream()).toList());
            return new InvalidInputException("unknown resource type \"" + text + "\""
                    + (closest == null ? "" : " (did you mean \"" + closest + "\"?)") + ": use one of "
                    + Arrays.stream(values()).map(k -> String.join("|", k.names)).collect(Collectors.joining(", ")));
        }
    }

    private StoredObjects() {
    }

    /** {@code TYPE/NAME} or {@code TYPE NAME} as one identity {@code Kind/namespace/name}. */
    public static String identity(StoredKind kind, String namespace, String name) {
        return kind.kind + "/" + namespace + "/" + name;
    }

    public static void requireStored(StateRecord record, String identity) {
        if (!record.applied().containsKey(identity)) {
            throw new InvalidInputException(PlanReport.display(identity) + " not found in the desired state stored "
                    + "on the cluster");
        }
    }

    /** The record with the Deployment's {@code spec.replicas} set, the rest of its manifest untouched. */
    static StateRecord withReplicas(StateRecord record, String identity, int replicas) {
        requireStored(record, identity);
        try {
            ObjectNode object = (ObjectNode) JSON.readTree(record.applied().get(identity));
            ((ObjectNode) object.with("spec")).put("replicas", replicas);
            Map<String, String> next = new TreeMap<>(record.applied());
            next.put(identity, object.toString());
            return record.withApplied(next);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored manifest of " + identity + " is not JSON", e);
        }
    }

    static StateRecord without(StateRecord record, List<String> identities) {
        Map<String, String> next = new TreeMap<>(record.applied());
        identities.forEach(next::remove);
        return record.withApplied(next);
    }
}
