package dev.berth.manifest;

import dev.berth.error.InvalidInputException;
import dev.berth.model.Cluster;
import dev.berth.model.Resource;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the cluster inventory a verb works on: exactly one {@code Cluster} object, checked as strictly
 * as {@code berth validate} checks it. Every problem fails the run before any server is touched.
 */
public final class InventoryReader {

    public Cluster read(Path file) {
        InputFiles.Read read = new InputFiles(file.getParent() == null ? Path.of("/") : file.getParent(),
                new ByteArrayInputStream(new byte[0])).read(List.of(file.toString()), false);
        ManifestSet set = new ManifestLoader().load(read);
        List<Problem> errors = set.errors();
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the cluster inventory " + file + " has " + errors.size()
                    + (errors.size() == 1 ? " problem" : " problems") + "; nothing was touched",
                    errors.stream().map(Problem::line).toList());
        }
        List<Cluster> clusters = set.resources().stream()
                .filter(Cluster.class::isInstance).map(Cluster.class::cast).toList();
        List<String> others = set.resources().stream().filter(r -> !(r instanceof Cluster))
                .map(Resource::kind).distinct().toList();
        if (clusters.size() != 1 || !others.isEmpty()) {
            throw new InvalidInputException(file + " is not a cluster inventory: it must hold exactly one object of "
                    + "kind Cluster (apiVersion " + Cluster.API_VERSION + "), found "
                    + (clusters.size() + " Cluster" + (others.isEmpty() ? "" : " and " + String.join(", ", others))));
        }
        return clusters.get(0);
    }
}
