package dev.berth.cli.converge;

import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.model.Resource;
import dev.berth.state.StoredManifests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.Map;

/** {@code berth diff -f PATH...}: what apply would change, object by object and node by node. */
@Command(name = "diff",
        description = {"Show what apply -f would change: objects created or configured, then the steps per node "
                + "(+ start, - remove, ~ other) and replicas that could not be placed. Secrets are never shown.",
                "Exit codes: 0 in sync, 1 differences found, 2 or more an error."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # What apply -f app/ would change; exit code 1 when anything would",
                "  berth diff -f app/",
                "",
                "  # The same on the cluster of the context prod, into the namespace shop",
                "  berth --context prod diff -n shop -f app/",
                "",
                "  # Every manifest under a directory tree, from another inventory file",
                "  berth diff -f app/ -R --cluster staging.yaml",
                "",
                "  # Also every remote command it runs, with node, duration and exit code",
                "  berth -v=6 diff -f app/"})
public final class DiffCommand extends ConvergingCommand {

    @Mixin
    ManifestOptions manifests;

    @Override
    public Integer call() {
        if (!manifests.given()) {
            throw new InvalidInputException("diff needs -f PATH (a file, a directory or - for standard input)");
        }
        List<Resource> files = manifests.load(environment(), manifestNamespace(), err());
        Map<String, String> objects = StoredManifests.encode(files);
        boolean differs = diff(record -> ApplyCommand.merge(record, objects, Pruning.NONE), StoredObjects.deployments(files));
        return differs ? ExitCode.DIFFERENCES.code() : ExitCode.OK.code();
    }
}
