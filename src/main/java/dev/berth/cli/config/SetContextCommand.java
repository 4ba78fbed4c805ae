package dev.berth.cli.config;

import dev.berth.config.BerthConfig;
import dev.berth.config.Context;
import dev.berth.error.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code berth config set-context NAME --cluster FILE [--namespace NS]}: create or change a context. Both options
 * are the global ones: here they are what the context stores.
 */
@Command(name = "set-context", description = {
        "Create the context NAME, or change the fields given of an existing one.",
        "--cluster names the inventory file the context points at (required for a new context); "
                + "it is stored as an absolute path. --namespace \"\" removes the default namespace."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Create the context prod for an inventory, with shop as its namespace",
                "  berth config set-context prod --cluster ~/clusters/prod.yaml -n shop",
                "",
                "  # Change only the namespace of prod",
                "  berth config set-context prod --namespace web",
                "",
                "  # Remove its default namespace, so that verbs use default",
                "  berth config set-context prod --namespace \"\""})
final class SetContextCommand extends ConfigVerb {

    @Parameters(paramLabel = "NAME", description = "The context to create or change.")
    String name;

    @Override
    public Integer call() {
        if (name.isBlank() || name.startsWith("-") || name.chars().anyMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c))) {
            throw new InvalidInputException("invalid context name \"" + name
                    + "\": use letters, digits and punctuation, without spaces, not starting with -");
        }
        BerthConfig config = store().load();
        Optional<String> cluster = Optional.ofNullable(global().clusterOption())
                .map(file -> environment().resolve(file).toAbsolutePath().toString());
        Optional<Context> existing = config.context(name);
        if (existing.isEmpty() && cluster.isEmpty()) {
            throw new InvalidInputException("context \"" + name + "\" does not exist yet: give its inventory with "
                    + "berth config set-context " + name + " --cluster FILE");
        }
        Context context = existing.orElseGet(() -> new Context(name, cluster.get(), null));
        if (cluster.isPresent()) {
            context = context.withCluster(cluster.get());
        }
        String namespace = global().namespaceOption();
        if (namespace != null) {
            context = context.withNamespace(namespace);
        }
        store().save(config.with(context));
        say("Context \"" + name + "\" " + (existing.isPresent() ? "modified." : "created."));
        if (cluster.isPresent() && !Files.isRegularFile(Path.of(cluster.get()))) {
            err().println("warning: " + cluster.get() + " does not exist yet");
            err().flush();
        }
        return 0;
    }
}
