package dev.berth.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Changes to one stored Deployment that berth makes itself rather than the user's files: a rollback or
 * {@code rollout undo} puts an earlier template back, {@code rollout pause|resume} sets {@code spec.paused},
 * {@code rollout restart} stamps the template. Each returns a new record; the next converging run rolls the
 * replicas to it like any other change, and {@code diff -f} of the user's files then shows the difference.
 */
public final class StoredDeployments {
    /** The annotation {@code kubectl rollout restart} sets on the pod template; berth sets the same. */
    public static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
    /** The annotation of a Deployment that says why its template changed: its revision's change cause. */
    public static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
    /**
     * The annotation {@code rollout pause} sets beside {@code spec.paused}: a pause a person asked for, which
     * lasts until {@code rollout resume}. A failed rollout's pause has none, and the next apply ends it.
     */
    public static final String PAUSED_BY = "berth.dev/paused-by";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IDENTITY_PREFIX = "Deployment/";

    private StoredDeployments() {
    }

    /** The record key of a Deployment's stored object, from its {@code namespace/name}. */
    public static String identity(String deployment) {
        return IDENTITY_PREFIX + deployment;
    }

    /** Whether the record stores the Deployment {@code namespace/name}. */
    public static boolean stored(StateRecord record, String deployment) {
        return record.applied().containsKey(identity(deployment));
    }

    /** The kept revision {@code number} of the Deployment, if the record still has it. */
    public static Optional<StoredRevision> revision(StateRecord record, String deployment, long number) {
        return record.revisions(deployment).stream().filter(r -> r.number() == number).findFirst();
    }

    /** The revision before the newest one: where a rollback or a plain {@code rollout undo} goes. */
    public static Optional<StoredRevision> previous(StateRecord record, String deployment) {
        var history = record.revisions(deployment);
        return history.size() < 2 ? Optional.empty() : Optional.of(history.get(history.size() - 2));
    }

    /**
     * The record with the Deployment's pod template replaced by {@code revision}'s. Its {@value #CHANGE_CAUSE}
     * annotation goes: it told why the template that is replaced was made, not this one.
     */
    public static StateRecord withTemplate(StateRecord record, String deployment, StoredRevision revision) {
        return edit(record, deployment, object -> {
            object.with("spec").set("template", withoutNulls(revision.template()));
            if (object.path("metadata").path("annotations").isObject()) {
                ((ObjectNode) object.get("metadata").get("annotations")).remove(CHANGE_CAUSE);
            }
        });
    }

    /**
     * The record with the Deployment's {@code spec.paused} set to {@code paused}; ending a pause also ends one
     * that {@code rollout pause} made.
     */
    public static StateRecord withPaused(StateRecord record, String deployment, boolean paused) {
        return edit(record, deployment, object -> {
            object.with("spec").put("paused", paused);
            if (!paused && object.path("metadata").path("annotations").isObject()) {
                ObjectNode annotations = (ObjectNode) object.get("metadata").get("annotations");
                annotations.remove(PAUSED_BY);
                if (annotations.isEmpty()) {
                    ((ObjectNode) object.get("metadata")).remove("annotations");
                }
            }
        });
    }

    /** The record with the Deployment paused by {@code rollout pause}: marked {@value #PAUSED_BY}. */
    public static StateRecord withRolloutPause(StateRecord record, String deployment) {
        return edit(withPaused(record, deployment, true), deployment, object -> object.with("metadata")
                .with("annotations").put(PAUSED_BY, "rollout pause"));
    }

    /** Whether the stored Deployment was paused by {@code rollout pause}, not by a failed rollout. */
    public static boolean pausedByRollout(StateRecord record, String deployment) {
        return paused(record, deployment)
                && read(record, deployment).path("metadata").path("annotations").has(PAUSED_BY);
    }

    /** The record with the template stamped {@value #RESTARTED_AT}: a new revision with the same spec. */
    public static StateRecord withRestart(StateRecord record, String deployment, Instant at) {
        return edit(record, deployment, object -> object.with("spec").with("template").with("metadata")
                .with("annotations").put(RESTARTED_AT, at.toString()));
    }

    /**
     * {@code after} with every Deployment that {@code rollout pause} paused in {@code before} paused still: such a
     * pause lasts until {@code rollout resume}, whatever files are applied meanwhile (kubectl's apply keeps it too,
     * as manifests rarely say {@code paused}). A failed rollout's pause is not kept: applying a fix ends it.
     */
    public static StateRecord withPausesOf(StateRecord before, StateRecord after) {
        StateRecord kept = after;
        for (String identity : after.applied().keySet()) {
            if (!identity.startsWith(IDENTITY_PREFIX)) {
                continue;
            }
            String deployment = identity.substring(IDENTITY_PREFIX.length());
            if (stored(before, deployment) && pausedByRollout(before, deployment)
                    && !pausedByRollout(kept, deployment)) {
                kept = withRolloutPause(kept, deployment);
            }
        }
        return kept;
    }

    /** Whether the stored Deployment is paused. */
    public static boolean paused(StateRecord record, String deployment) {
        JsonNode paused = read(record, deployment).path("spec").path("paused");
        return paused.asBoolean(false);
    }

    private interface Edit {
        void apply(ObjectNode object);
    }

    private static StateRecord edit(StateRecord record, String deployment, Edit edit) {
        ObjectNode object = read(record, deployment);
        edit.apply(object);
        Map<String, String> applied = new TreeMap<>(record.applied());
        applied.put(identity(deployment), object.toString());
        return record.withApplied(applied);
    }

    private static ObjectNode read(StateRecord record, String deployment) {
        String text = record.applied().get(identity(deployment));
        if (text == null) {
            throw new IllegalArgumentException("the cluster stores no deployment " + deployment);
        }
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("the stored deployment " + deployment + " is not a JSON object", e);
        }
    }

    /** Templates kept by older runs hold explicit nulls, which the manifest reader refuses. */
    private static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                } else {
                    strip(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(StoredDeployments::strip);
        }
    }
}
