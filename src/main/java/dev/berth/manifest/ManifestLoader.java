package dev.berth.manifest;

import dev.berth.manifest.kinds.ObjectReader;
import dev.berth.manifest.yaml.MappingNode;
import dev.berth.manifest.yaml.Node;
import dev.berth.manifest.yaml.YamlLoader;
import dev.berth.model.Resource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads manifests and checks them, all of them before reporting: YAML, each object against its kind,
 * then the objects against each other. Pure apart from what it is handed.
 */
public final class ManifestLoader {
    private final YamlLoader yaml = new YamlLoader(InputFiles.MAX_BYTES);

    public ManifestSet load(InputFiles.Read read) {
        return load(read, ManifestNamespace.DEFAULT);
    }

    /** Loads like {@link #load(InputFiles.Read)}, objects that name no namespace put in {@code namespace}. */
    public ManifestSet load(InputFiles.Read read, ManifestNamespace namespace) {
        Problems problems = new Problems();
        problems.addAll(read.problems());
        List<Located> objects = new ArrayList<>();
        Map<String, Integer> fileOrder = new HashMap<>();
        read.problems().forEach(p -> fileOrder.putIfAbsent(p.position().file(), fileOrder.size()));
        for (ManifestInput input : read.inputs()) {
            fileOrder.putIfAbsent(input.name(), fileOrder.size());
            YamlLoader.Loaded loaded = yaml.load(input.name(), input.content());
            problems.addAll(loaded.problems());
            List<Node> documents = new ArrayList<>();
            loaded.documents().forEach(document -> documents.addAll(ListItems.of(document, problems)));
            for (Node document : documents) {
                ObjectReader.read(document, problems).map(resource -> placed(resource, (MappingNode) document,
                                namespace, problems))
                        .ifPresent(resource -> objects.add(new Located(resource, (MappingNode) document)));
            }
        }
        CrossChecks.check(objects, problems);
        List<Problem> ordered = new ArrayList<>(problems.all());
        ordered.sort(Comparator.comparingInt((Problem p) -> fileOrder.getOrDefault(p.position().file(), 0))
                .thenComparing(Problem.BY_LINE));
        return new ManifestSet(objects, ordered, fileOrder.size());
    }

    /** The object in the namespace its manifest names, else in {@code namespace}; a clash with {@code -n} is a problem. */
    private static Resource placed(Resource resource, MappingNode document, ManifestNamespace namespace,
                                   Problems problems) {
        if (resource.metadata().namespace() == null) {
            return resource;
        }
        Optional<Node> written = document.value("metadata").filter(MappingNode.class::isInstance)
                .flatMap(metadata -> ((MappingNode) metadata).value("namespace"));
        if (written.isEmpty()) {
            return resource.inNamespace(namespace.name());
        }
        if (namespace.given() && !resource.metadata().namespace().equals(namespace.name())) {
            problems.error(written.get().position(), "metadata.namespace", "the namespace from the provided object \""
                    + resource.metadata().namespace() + "\" does not match the namespace \"" + namespace.name()
                    + "\" given with -n: drop -n or pass --namespace=" + resource.metadata().namespace());
        }
        return resource;
    }
}
