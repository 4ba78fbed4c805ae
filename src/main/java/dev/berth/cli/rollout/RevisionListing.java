package dev.berth.cli.rollout;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.TabbedText;
import dev.berth.model.Deployment;
import dev.berth.state.StoredDeployments;
import dev.berth.state.StoredRevision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code rollout history} prints of a Deployment's kept revisions: kubectl's {@code REVISION  CHANGE-CAUSE}
 * table, or one revision's pod template, each under the Deployment's name; for {@code -o json|yaml|name}, the
 * revisions as the ReplicaSets Kubernetes keeps them in (no Secret value is in a template, only references).
 */
final class RevisionListing {
    /** The annotation Kubernetes numbers a Deployment's ReplicaSets with. */
    static final String REVISION = "deployment.kubernetes.io/revision";

    private RevisionListing() {
    }

    /** {@code deployment.apps/web}, then the table, then an empty line, as kubectl prints them. */
    static String table(String objectName, List<StoredRevision> history) {
        if (history.isEmpty()) {
            return objectName + "\nNo rollout history found.\n";
        }
        TabbedText table = new TabbedText().line("REVISION\tCHANGE-CAUSE");
        history.forEach(revision -> table.line(revision.number() + "\t" + cause(revision)));
        return objectName + "\n" + table.render() + "\n";
    }

    /** {@code deployment.apps/web with revision #2}, then its pod template, then an empty line. */
    static String revision(String objectName, StoredRevision revision, Deployment.PodTemplate template) {
        return objectName + " with revision #" + revision.number() + "\n"
                + PodTemplatePage.render(template, revision.changeCause()) + "\n";
    }

    /** The revisions as ReplicaSet objects, oldest first, each named {@code NAME-HASH} as Kubernetes names them. */
    static Listing objects(String namespace, String name, List<StoredRevision> revisions,
                           Function<StoredRevision, Deployment.PodTemplate> templates) {
        List<Listing.Item> items = revisions.stream().map(revision -> new Listing.Item(
                "replicaset.apps/" + name + "-" + revision.specHash(), List.of(),
                replicaSet(namespace, name, revision, templates.apply(revision)))).toList();
        return Listing.of(List.of(), items);
    }

    private static Map<String, Object> replicaSet(String namespace, String name, StoredRevision revision,
                                                  Deployment.PodTemplate template) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(REVISION, Long.toString(revision.number()));
        if (revision.changeCause() != null && !revision.changeCause().isEmpty()) {
            annotations.put(StoredDeployments.CHANGE_CAUSE, revision.changeCause());
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name + "-" + revision.specHash());
        metadata.put("namespace", namespace);
        if (revision.createdAt() != null) {
            metadata.put("creationTimestamp", revision.createdAt().toString());
        }
        metadata.put("annotations", annotations);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "apps/v1");
        object.put("kind", "ReplicaSet");
        object.put("metadata", metadata);
        object.put("spec", Map.of("template", template));
        return object;
    }

    /** The numbers of the kept revisions, for an error: {@code revision 2} or {@code revisions 1, 2, 3}. */
    static String kept(List<StoredRevision> history) {
        return (history.size() == 1 ? "revision " : "revisions ")
                + history.stream().map(r -> Long.toString(r.number())).collect(Collectors.joining(", "));
    }

    private static String cause(StoredRevision revision) {
        return revision.changeCause() == null || revision.changeCause().isEmpty() ? "<none>" : revision.changeCause();
    }
}
