package dev.berth.manifest.kinds;

import dev.berth.manifest.Problems;
import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Spelling;
import dev.berth.manifest.yaml.MappingNode;
import dev.berth.manifest.yaml.Node;
import dev.berth.manifest.yaml.ScalarNode;
import dev.berth.model.Resource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one YAML document as the kind its {@code kind} names, after checking its {@code apiVersion}. */
public final class ObjectReader {
    private static final Map<String, KindReader> KINDS = new LinkedHashMap<>();
    private static final Set<String> KUBERNETES_ONLY = Set.of("Pod", "ReplicaSet", "StatefulSet", "DaemonSet", "Job",
            "CronJob", "HorizontalPodAutoscaler", "NetworkPolicy", "ServiceAccount", "Role",
            "RoleBinding", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass",
            "PodDisruptionBudget", "LimitRange", "ResourceQuota", "Endpoints", "EndpointSlice", "IngressClass",
            "ReplicationController", "CustomResourceDefinition");

    static {
        KINDS.put("Deployment", new DeploymentReader());
        KINDS.put("Service", new ServiceReader());
        KINDS.put("Ingress", new IngressReader());
        KINDS.put("PersistentVolumeClaim", new ClaimReader());
        KINDS.put("ConfigMap", new ConfigMapReader());
        KINDS.put("Secret", new SecretReader());
        KINDS.put("Namespace", new NamespaceReader());
        KINDS.put("Cluster", new ClusterReader());
    }

    private ObjectReader() {
    }

    /** The object, or empty when anything was wrong with it (all of it recorded in problems). */
    public static Optional<Resource> read(Node document, Problems problems) {
        if (!(document instanceof MappingNode root)) {
            problems.error(document.position(), "",
                    "a manifest must be a mapping with apiVersion and kind, got " + document.describe());
            return Optional.empty();
        }
        String kind = text(root, "kind", problems);
        if (kind == null) {
            return Optional.empty();
        }
        KindReader reader = KINDS.get(kind);
        if (reader == null) {
            problems.error(root.value("kind").orElseThrow().position(), "kind", unknownKind(kind));
            return Optional.empty();
        }
        String apiVersion = text(root, "apiVersion", problems);
        if (apiVersion != null && !apiVersion.equals(reader.apiVersion())) {
            problems.error(root.value("apiVersion").orElseThrow().position(), "apiVersion",
                    "must be " + reader.apiVersion() + " for kind " + kind + ", got \"" + apiVersion + "\"");
        }
        int before = problems.errorCount();
        Optional<Resource> resource = Fields.of(root, "", reader.shape(), problems).map(reader::read);
        return problems.errorCount() > before ? Optional.empty() : resource;
    }

    private static String unknownKind(String kind) {
        String supported = String.join(", ", KINDS.keySet());
        if (KUBERNETES_ONLY.contains(kind)) {
            return kind + " is not supported by berth; supported kinds: " + supported;
        }
        String closest = Spelling.closest(kind, KINDS.keySet());
        return "unknown kind \"" + kind + "\"" + (closest == null ? "" : " (did you mean \"" + closest + "\"?)")
                + "; supported kinds: " + supported;
    }

    private static String text(MappingNode root, String key, Problems problems) {
        Optional<Node> value = root.value(key);
        if (value.isEmpty()) {
            problems.error(root.position(), key, "is required");
            return null;
        }
        if (!(value.get() instanceof ScalarNode scalar) || scalar.type() != ScalarNode.Type.STRING) {
            problems.error(value.get().position(), key, "must be a string, got " + value.get().describe());
            return null;
        }
        return scalar.text();
    }
}
