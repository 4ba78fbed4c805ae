package dev.berth.cli.config;

import dev.berth.config.BerthConfig;
import dev.berth.error.InvalidInputException;
import picocli.CommandLine.Command;

/** {@code berth config current-context}: the name of the current context. */
@Command(name = "current-context", description = "Print the name of the current context.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  # The name of the current context",
                "  berth config current-context"})
final class CurrentContextCommand extends ConfigVerb {

    @Override
    public Integer call() {
        BerthConfig config = store().load();
        if (config.currentContext() == null) {
            throw new InvalidInputException("no current context: choose one with berth config use-context NAME");
        }
        say(config.currentContext());
        return 0;
    }
}
