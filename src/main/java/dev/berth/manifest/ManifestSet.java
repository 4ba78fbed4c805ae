package dev.berth.manifest;

import dev.berth.model.Resource;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The result of loading manifests: the valid objects in the order written, and every problem found.
 * When {@link #errors()} is not empty the objects must not be acted on.
 *
 * @param files how many files were read
 */
public record ManifestSet(List<Located> objects, List<Problem> problems, int files) {

    public ManifestSet {
        objects = List.copyOf(objects);
        problems = List.copyOf(problems);
    }

    public List<Resource> resources() {
        return objects.stream().map(Located::resource).toList();
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
    }

    /** The files that have at least one error. */
    public Set<String> filesWithErrors() {
        Set<String> files = new LinkedHashSet<>();
        errors().forEach(p -> files.add(p.position().file()));
        return files;
    }
}
