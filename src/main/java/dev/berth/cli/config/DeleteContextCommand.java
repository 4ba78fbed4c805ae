package dev.berth.cli.config;

import dev.berth.config.BerthConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth config delete-context NAME}: forget a context (the inventory file stays). */
@Command(name = "delete-context", description = {"Delete the context NAME from the config file.",
        "The cluster inventory it points at is left alone."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Delete the context staging; its inventory file stays",
                "  berth config delete-context staging"})
final class DeleteContextCommand extends ConfigVerb {

    @Parameters(paramLabel = "NAME", description = "An existing context.")
    String name;

    @Override
    public Integer call() {
        BerthConfig config = store().load();
        existing(config, name);
        store().save(config.without(name));
        say("Deleted context \"" + name + "\" from " + store().file() + ".");
        if (name.equals(config.currentContext())) {
            err().println("warning: that was the current context; choose another with berth config use-context NAME");
            err().flush();
        }
        return 0;
    }
}
