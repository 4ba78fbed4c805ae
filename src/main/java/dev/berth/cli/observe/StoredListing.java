package dev.berth.cli.observe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.exec.ClusterPicture;
import dev.berth.model.ConfigMap;
import dev.berth.model.ObjectMeta;
import dev.berth.model.PersistentVolumeClaim;
import dev.berth.model.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The tables of the objects only the stored desired state holds: ConfigMaps, Secrets (never their values),
 * PersistentVolumeClaims and the namespaces objects are in. The record keeps no creation time of these, so
 * their AGE is {@code <unknown>}.
 */
final class StoredListing {
    private static final String UNKNOWN = "<unknown>";

    private StoredListing() {
    }

    static Listing configMaps(List<ConfigMap> maps, boolean allNamespaces) {
        List<Listing.Item> items = new ArrayList<>();
        for (ConfigMap map : maps) {
            ObjectNode object = KubernetesObjects.object(map.apiVersion(), map.kind());
            KubernetesObjects.metadata(object, ConfigMap.KIND, map.metadata(), map.metadata().namespace(), null,
                    null);
            if (!map.data().isEmpty()) {
                ObjectNode data = object.putObject("data");
                map.data().forEach(data::put);
            }
            if (!map.binaryData().isEmpty()) {
                ObjectNode data = object.putObject("binaryData");
                map.binaryData().forEach(data::put);
            }
            items.add(item("configmap/", map.metadata(), allNamespaces, object,
                    String.valueOf(map.data().size() + map.binaryData().size()), UNKNOWN));
        }
        return Listing.of(columns(allNamespaces, "DATA", "AGE"), items);
    }

    /** {@code NAME TYPE DATA AGE}; the object printed carries its keys, each value {@code <redacted>}. */
    static Listing secrets(List<Secret> secrets, boolean allNamespaces) {
        List<Listing.Item> items = new ArrayList<>();
        for (Secret secret : secrets) {
            ObjectNode object = KubernetesObjects.object(secret.apiVersion(), secret.kind());
            KubernetesObjects.metadata(object, Secret.KIND, secret.metadata(), secret.metadata().namespace(), null,
                    null);
            object.put("type", secret.type());
            ObjectNode data = object.putObject("data");
            secret.redactedData().forEach(data::put);
            items.add(item("secret/", secret.metadata(), allNamespaces, object, secret.type(),
                    String.valueOf(secret.values().size()), UNKNOWN));
        }
        return Listing.of(columns(allNamespaces, "TYPE", "DATA", "AGE"), items);
    }

    /**
     * kubectl's columns and berth's: {@code NAME STATUS VOLUME CAPACITY ACCESS MODES NODE USED-BY AGE}, with
     * {@code -o wide} adding the storage class, the reclaim policy and why a Pending claim waits. STATUS is Bound
     * where a node holds the claim's volume, else Pending (the first replica that mounts it makes it).
     */
    static Listing claims(List<PersistentVolumeClaim> claims, ClusterPicture picture, boolean allNamespaces) {
        List<Listing.Item> items = new ArrayList<>();
        for (ClaimStatus status : ClaimStatus.of(claims, picture)) {
            PersistentVolumeClaim claim = status.claim();
            boolean bound = status.phase().equals(ClaimStatus.BOUND);
            ObjectNode object = KubernetesObjects.object(claim.apiVersion(), claim.kind());
            KubernetesObjects.metadata(object, PersistentVolumeClaim.KIND, claim.metadata(),
                    claim.metadata().namespace(), null, null);
            object.set("spec", KubernetesObjects.JSON.valueToTree(claim.spec()));
            ObjectNode phase = object.putObject("status").put("phase", status.phase());
            if (bound) {
                claim.spec().accessModes().forEach(phase.putArray("accessModes")::add);
                if (!status.capacity().isEmpty()) {
                    phase.putObject("capacity").put("storage", status.capacity());
                }
            }
            items.add(item("persistentvolumeclaim/", claim.metadata(), allNamespaces, object,
                    status.phase(), bound ? status.volume() : "", bound ? status.capacity() : "",
                    bound ? String.join(",", claim.spec().accessModes().stream().map(StoredListing::shortMode)
                            .toList()) : "",
                    bound ? String.join(",", status.nodes()) : "<none>", status.usedBy(), UNKNOWN,
                    Objects.requireNonNullElse(claim.spec().storageClassName(), "<unset>"), claim.reclaimPolicy(),
                    bound ? "" : status.reason()));
        }
        List<Column> columns = columns(allNamespaces, "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "NODE",
                "USED-BY", "AGE");
        columns.add(Column.wide("STORAGECLASS"));
        columns.add(Column.wide("RECLAIM POLICY"));
        columns.add(Column.wide("REASON"));
        return Listing.of(columns, items);
    }

    /** The namespaces of the stored objects and of the replicas that run, each Active. */
    static Listing namespaces(TreeSet<String> namespaces) {
        List<Listing.Item> items = new ArrayList<>();
        for (String namespace : namespaces) {
            ObjectNode object = KubernetesObjects.object("v1", "Namespace");
            KubernetesObjects.metadata(object, "Namespace", namespace, null, Map.of(), Map.of(), null, null);
            object.putObject("spec");
            object.putObject("status").put("phase", "Active");
            items.add(new Listing.Item("namespace/" + namespace, List.of(namespace, "Active", UNKNOWN), object));
        }
        return Listing.of(List.of(Column.of("NAME"), Column.of("STATUS"), Column.of("AGE")), items);
    }

    private static List<Column> columns(boolean allNamespaces, String... after) {
        List<Column> columns = new ArrayList<>();
        if (allNamespaces) {
            columns.add(Column.of("NAMESPACE"));
        }
        columns.add(Column.of("NAME"));
        for (String header : after) {
            columns.add(Column.of(header));
        }
        return columns;
    }

    private static Listing.Item item(String kind, ObjectMeta meta, boolean allNamespaces, ObjectNode object,
                                     String... after) {
        List<String> cells = new ArrayList<>();
        if (allNamespaces) {
            cells.add(meta.namespace());
        }
        cells.add(meta.name());
        cells.addAll(List.of(after));
        return new Listing.Item(kind + meta.name(), cells, object);
    }

    /** An access mode as kubectl's table writes it: {@code RWO}, {@code RWOP}, {@code ROX}, {@code RWX}. */
    static String shortMode(String mode) {
        return switch (mode) {
            case "ReadWriteOnce" -> "RWO";
            case "ReadWriteOncePod" -> "RWOP";
            case "ReadOnlyMany" -> "ROX";
            case "ReadWriteMany" -> "RWX";
            default -> mode;
        };
    }
}
