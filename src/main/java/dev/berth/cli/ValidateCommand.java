package dev.berth.cli;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.manifest.InputFiles;
import dev.berth.manifest.ManifestLoader;
import dev.berth.manifest.ManifestNamespace;
import dev.berth.manifest.ManifestSet;
import dev.berth.manifest.Problem;
import dev.berth.model.Resource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code berth validate -f PATH...}: checks manifests and inventories without touching any server. */
@Command(name = "validate",
        description = {"Check Cluster inventories and manifests without touching any server.",
                "Prints one line per object, or the normalized objects with -o yaml|json (Kubernetes defaults "
                        + "filled in, Secret values redacted). All problems are reported at once as "
                        + "FILE:LINE:COLUMN: field.path: what is wrong, with exit code 2."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Check a cluster inventory and the manifests that will run on it",
                "  berth validate -f cluster.yaml -f app/",
                "",
                "  # Check every manifest under a directory tree",
                "  berth validate -f app/ -R",
                "",
                "  # The objects normalized: Kubernetes defaults filled in, Secret values hidden",
                "  berth validate -f web.yaml -o yaml",
                "",
                "  # Check a manifest from standard input, for the namespace shop",
                "  berth validate -n shop -f - < web.yaml"})
public final class ValidateCommand extends BaseCommand {
    @Option(names = {"-f", "--filename"}, paramLabel = "PATH", required = true,
            description = "A manifest file, a directory of them, or - for standard input. Repeatable.")
    List<String> files;

    @Option(names = {"-R", "--recursive"}, description = "Read directories named with -f recursively.")
    boolean recursive;

    @Override
    public Integer call() {
        global().outputFormat(); // an unknown -o fails before any file is read
        InputFiles.Read read = new InputFiles(environment().workingDirectory(), environment().stdin())
                .read(files, recursive);
        ManifestSet set = new ManifestLoader().load(read, ManifestNamespace.of(global().namespaceOption(), null));
        set.warnings().forEach(warning -> err().println(warning.line()));
        err().flush();
        List<Problem> errors = set.errors();
        if (!errors.isEmpty()) {
            int fileCount = set.filesWithErrors().size();
            throw new InvalidInputException(errors.size() + (errors.size() == 1 ? " problem" : " problems") + " in "
                    + fileCount + (fileCount == 1 ? " file" : " files") + "; nothing was touched",
                    errors.stream().map(Problem::line).toList());
        }
        if (set.objects().isEmpty()) {
            throw new InvalidInputException("no objects found in the given files");
        }
        print(Listing.of(List.of(Column.of("KIND"), Column.of("NAMESPACE"), Column.of("NAME"), Column.of("SUMMARY")),
                set.resources().stream().map(ValidateCommand::item).toList()));
        return ExitCode.OK.code();
    }

    private static Listing.Item item(Resource resource) {
        String namespace = resource.metadata().namespace();
        return new Listing.Item(ObjectNames.of(resource), List.of(resource.kind(), namespace == null ? "" : namespace,
                resource.metadata().name(), resource.summary()), resource);
    }
}
