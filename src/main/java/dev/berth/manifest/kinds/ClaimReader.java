package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Names;
import dev.berth.manifest.schema.Rule;
import dev.berth.manifest.schema.Shape;
import dev.berth.manifest.Position;
import dev.berth.manifest.yaml.MappingNode;
import dev.berth.manifest.yaml.Node;
import dev.berth.manifest.yaml.SequenceNode;
import dev.berth.model.ObjectMeta;
import dev.berth.model.PersistentVolumeClaim;
import dev.berth.model.Quantity;
import dev.berth.model.Resource;

import java.util.List;
import java.util.Map;

/** Reads a PersistentVolumeClaim (v1). On berth a claim is a Docker volume on one server. */
final class ClaimReader implements KindReader {
    static final Shape ROOT = Shape.of("apiVersion", "kind", "metadata", "spec").ignoring("status");
    static final Shape SPEC = Shape.of("accessModes", "resources", "storageClassName", "volumeMode")
            .unsupported("selector", "volumeName", "dataSource", "dataSourceRef", "volumeAttributesClassName");
    static final Shape RESOURCES = Shape.of("requests").unsupported("limits");
    static final Shape REQUESTS = Shape.of("storage");
    private static final List<String> POLICIES = List.of(PersistentVolumeClaim.RETAIN, PersistentVolumeClaim.DELETE);
    private static final Rule ACCESS_MODE = value -> switch (value) {
        case "ReadWriteOnce", "ReadWriteOncePod" -> null;
        case "ReadOnlyMany", "ReadWriteMany" -> value + " is not supported by berth (a claim is a volume on one "
                + "server); use ReadWriteOnce or ReadWriteOncePod";
        default -> "must be one of ReadWriteOnce, ReadWriteOncePod, got \"" + value + "\"";
    };

    @Override
    public String apiVersion() {
        return PersistentVolumeClaim.API_VERSION;
    }

    @Override
    public Shape shape() {
        return ROOT;
    }

    @Override
    public Resource read(Fields root) {
        return ObjectWithSpec.read(root, ClaimReader::metadata, SPEC, ClaimReader::spec,
                (metadata, spec) -> new PersistentVolumeClaim(PersistentVolumeClaim.API_VERSION,
                        PersistentVolumeClaim.KIND, metadata, spec));
    }

    /** The metadata, whose {@value PersistentVolumeClaim#RECLAIM_POLICY} annotation must be Retain or Delete. */
    private static ObjectMeta metadata(Fields root) {
        ObjectMeta metadata = MetadataReader.namespaced(root, Names.DNS_SUBDOMAIN);
        String policy = metadata == null ? null : metadata.annotations().get(PersistentVolumeClaim.RECLAIM_POLICY);
        if (policy != null && !POLICIES.contains(policy)) {
            Position at = root.node("metadata").filter(MappingNode.class::isInstance)
                    .flatMap(m -> ((MappingNode) m).value("annotations")).filter(MappingNode.class::isInstance)
                    .flatMap(a -> ((MappingNode) a).value(PersistentVolumeClaim.RECLAIM_POLICY))
                    .map(Node::position).orElse(root.position());
            root.problems().error(at, Fields.child(Fields.child(root.path("metadata"), "annotations"),
                    PersistentVolumeClaim.RECLAIM_POLICY), "must be one of " + String.join(", ", POLICIES)
                    + ", got \"" + policy + "\"");
        }
        return metadata;
    }

    private static PersistentVolumeClaim.Spec spec(Fields spec) {
        List<String> modes = spec.has("accessModes") ? spec.strings("accessModes", ACCESS_MODE)
                : spec.missing("accessModes");
        if (spec.node("accessModes").filter(n -> n instanceof SequenceNode s && s.items().isEmpty()).isPresent()) {
            spec.error("accessModes", "must name at least one access mode");
        }
        Quantity storage = spec.requiredObject("resources", RESOURCES)
                .flatMap(resources -> resources.requiredObject("requests", REQUESTS))
                .map(requests -> requests.has("storage") ? requests.quantity("storage") : requests.<Quantity>missing("storage"))
                .orElse(null);
        String storageClass = spec.string("storageClassName", Names.DNS_SUBDOMAIN);
        String volumeMode = spec.string("volumeMode", value -> switch (value) {
            case "Filesystem" -> null;
            case "Block" -> "Block is not supported by berth; use Filesystem";
            default -> "must be Filesystem, got \"" + value + "\"";
        });
        return new PersistentVolumeClaim.Spec(modes, new PersistentVolumeClaim.Requests(
                storage == null ? Map.of() : Map.of("storage", storage)), storageClass,
                volumeMode == null ? "Filesystem" : volumeMode);
    }
}
