package dev.berth.cli.converge;

import dev.berth.cli.Environment;
import dev.berth.error.InvalidInputException;
import dev.berth.manifest.InputFiles;
import dev.berth.manifest.ManifestLoader;
import dev.berth.manifest.ManifestNamespace;
import dev.berth.manifest.ManifestSet;
import dev.berth.manifest.Problem;
import dev.berth.model.Cluster;
import dev.berth.model.Resource;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/** {@code -f PATH... [-R]}: manifests read and checked as strictly as {@code validate} does, before any server. */
public final class ManifestOptions {

    @Option(names = {"-f", "--filename"}, paramLabel = "PATH",
            description = "A manifest file, a directory of them, or - for standard input. Repeatable.")
    List<String> files;

    @Option(names = {"-R", "--recursive"}, description = "Read directories named with -f recursively.")
    boolean recursive;

    boolean given() {
        return files != null && !files.isEmpty();
    }

    /**
     * The objects of the files, those that name no namespace put in {@code namespace}; every problem fails the
     * run (exit 2) before anything is touched.
     */
    List<Resource> load(Environment environment, ManifestNamespace namespace, PrintWriter err) {
        InputFiles.Read read = new InputFiles(environment.workingDirectory(), environment.stdin()).read(files, recursive);
        ManifestSet set = new ManifestLoader().load(read, namespace);
        set.warnings().forEach(warning -> err.println(warning.line()));
        err.flush();
        List<Problem> errors = set.errors();
        if (!errors.isEmpty()) {
            int fileCount = set.filesWithErrors().size();
            throw new InvalidInputException(errors.size() + (errors.size() == 1 ? " problem" : " problems") + " in "
                    + fileCount + (fileCount == 1 ? " file" : " files") + "; nothing was touched",
                    errors.stream().map(Problem::line).toList());
        }
        List<Resource> objects = set.resources();
        if (objects.isEmpty()) {
            throw new InvalidInputException("no objects found in the given files");
        }
        if (objects.stream().anyMatch(Cluster.class::isInstance)) {
            throw new InvalidInputException("a Cluster inventory cannot be applied: name it with --cluster, "
                    + "$BERTH_CLUSTER or a context; nothing was touched");
        }
        return objects;
    }
}
