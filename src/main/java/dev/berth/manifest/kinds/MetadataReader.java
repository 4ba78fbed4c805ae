package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Names;
import dev.berth.manifest.schema.Rule;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.ObjectMeta;

import java.util.Map;
import java.util.Optional;

/** Reads {@code metadata}: name, namespace (defaulted), labels and annotations. */
final class MetadataReader {
    /** Set by a server, ignored by {@code kubectl apply}: what {@code get -o yaml} prints, applied again. */
    private static final String[] SERVER_SET = {"uid", "resourceVersion", "generation", "creationTimestamp",
            "managedFields", "selfLink"};
    /** Fields with a meaning berth does not give them: refused rather than silently dropped. */
    private static final String[] UNSUPPORTED = {"generateName", "deletionTimestamp", "deletionGracePeriodSeconds",
            "ownerReferences", "finalizers"};
    static final Shape NAMESPACED = Shape.of("name", "namespace", "labels", "annotations").unsupported(UNSUPPORTED)
            .ignoring(SERVER_SET);
    static final Shape CLUSTER_SCOPED = Shape.of("name", "labels", "annotations").unsupported(UNSUPPORTED)
            .ignoring(SERVER_SET);

    private MetadataReader() {
    }

    /** Metadata of a namespaced object whose name follows the given rule. */
    static ObjectMeta namespaced(Fields root, Rule nameRule) {
        return read(root, nameRule, NAMESPACED, true);
    }

    static ObjectMeta clusterScoped(Fields root, Rule nameRule) {
        return read(root, nameRule, CLUSTER_SCOPED, false);
    }

    private static ObjectMeta read(Fields root, Rule nameRule, Shape shape, boolean namespaced) {
        Optional<Fields> metadata = root.requiredObject("metadata", shape);
        if (metadata.isEmpty()) {
            return null;
        }
        Fields meta = metadata.get();
        String name = meta.requiredString("name", nameRule);
        String namespace = namespaced ? meta.string("namespace", Names.DNS_LABEL) : null;
        Map<String, String> labels = labels(meta, "labels");
        Map<String, String> annotations = meta.stringMap("annotations", Names.LABEL_KEY, Names.ANY);
        return new ObjectMeta(name, namespaced && namespace == null ? ObjectMeta.DEFAULT_NAMESPACE : namespace,
                labels, annotations);
    }

    static Map<String, String> labels(Fields fields, String key) {
        return fields.stringMap(key, Names.LABEL_KEY, Names.LABEL_VALUE);
    }
}
