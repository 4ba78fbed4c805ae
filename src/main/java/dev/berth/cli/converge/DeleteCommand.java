package dev.berth.cli.converge;

import dev.berth.plan.Scope;
import dev.berth.error.InvalidInputException;
import dev.berth.model.Resource;
import dev.berth.state.StateRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code berth delete -f PATH | TYPE NAME...}: remove objects from the stored desired state and converge.
 * A PersistentVolumeClaim's data stays on its node (reclaim policy Retain).
 */
@Command(name = "delete",
        description = {"Remove objects from the desired state and converge: their replicas are stopped and removed.",
                "Deleting a PersistentVolumeClaim keeps its data (Retain): the Docker volume stays on its node."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Delete deployment web and its service in the namespace shop",
                "  berth delete deployment/web service/web -n shop",
                "",
                "  # Delete the objects a manifest declares",
                "  berth delete -f web.yaml",
                "",
                "  # Show which replicas would stop, without changing anything",
                "  berth delete deploy web api --dry-run",
                "",
                "  # Succeed even when the config map is already gone",
                "  berth delete cm web-config --ignore-not-found"})
public final class DeleteCommand extends ConvergingCommand {

    @Mixin
    ManifestOptions manifests;

    @Parameters(paramLabel = "TYPE NAME", description = "A type (deployment, service, ingress, pvc, configmap, "
            + "secret) and names, or TYPE/NAME words.")
    List<String> words = new ArrayList<>();

    @Option(names = "--ignore-not-found", description = "Succeed when an object is not stored.")
    boolean ignoreNotFound;

    @Mixin
    ConvergeOptions converge;

    @Override
    public Integer call() {
        List<String> identities = manifests.given() ? fromFiles() : fromWords();
        return converge("delete", record -> delete(record, identities), converge.options().within(Scope.of(Set.of())),
                false);
    }

    private StateRecord delete(StateRecord record, List<String> identities) {
        if (!ignoreNotFound) {
            identities.forEach(identity -> StoredObjects.requireStored(record, identity));
        }
        return StoredObjects.without(record, identities);
    }

    private List<String> fromFiles() {
        if (!words.isEmpty()) {
            throw new InvalidInputException("give either -f PATH or TYPE NAME, not both");
        }
        return manifests.load(environment(), manifestNamespace(), err()).stream().map(Resource::identity).toList();
    }

    private List<String> fromWords() {
        if (words.isEmpty()) {
            throw new InvalidInputException("delete needs -f PATH or TYPE NAME...");
        }
        String ns = namespace();
        List<String> identities = new ArrayList<>();
        if (words.get(0).contains("/")) {
            for (String word : words) {
                String[] typeAndName = word.split("/", 2);
                identities.add(StoredObjects.identity(StoredObjects.StoredKind.parse(typeAndName[0]), ns,
                        typeAndName[1]));
            }
        } else {
            StoredObjects.StoredKind kind = StoredObjects.StoredKind.parse(words.get(0));
            if (words.size() < 2) {
                throw new InvalidInputException("name the " + kind.kind + " to delete: delete " + words.get(0) + " NAME");
            }
            words.subList(1, words.size()).forEach(name -> identities.add(StoredObjects.identity(kind, ns, name)));
        }
        return identities;
    }
}
