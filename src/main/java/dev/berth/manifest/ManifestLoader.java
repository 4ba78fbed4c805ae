package dev.berth.manifest;

import dev.berth.manifest.kinds.ObjectReader;
import dev.berth.manifest.yaml.MappingNode;
import dev.berth.manifest.yaml.Node;
import dev.berth.manifest.yaml.YamlLoader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads manifests and checks them, all of them before reporting: YAML, each object against its kind,
 * then the objects against each other. Pure apart from what it is handed.
 */
public final class ManifestLoader {
    private final YamlLoader yaml = new YamlLoader(InputFiles.MAX_BYTES);

    public ManifestSet load(InputFiles.Read read) {
        Problems problems = new Problems();
        problems.addAll(read.problems());
        List<Located> objects = new ArrayList<>();
        Map<String, Integer> fileOrder = new HashMap<>();
        read.problems().forEach(p -> fileOrder.putIfAbsent(p.position().file(), fileOrder.size()));
        for (ManifestInput input : read.inputs()) {
            fileOrder.putIfAbsent(input.name(), fileOrder.size());
            YamlLoader.Loaded loaded = yaml.load(input.name(), input.content());
            problems.addAll(loaded.problems());
            for (Node document : loaded.documents()) {
                ObjectReader.read(document, problems)
                        .ifPresent(resource -> objects.add(new Located(resource, (MappingNode) document)));
            }
        }
        CrossChecks.check(objects, problems);
        List<Problem> ordered = new ArrayList<>(problems.all());
        ordered.sort(Comparator.comparingInt((Problem p) -> fileOrder.getOrDefault(p.position().file(), 0))
                .thenComparing(Problem.BY_LINE));
        return new ManifestSet(objects, ordered, fileOrder.size());
    }
}
