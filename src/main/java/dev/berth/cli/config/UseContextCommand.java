package dev.berth.cli.config;

import dev.berth.config.BerthConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth config use-context NAME}: make a context the current one. */
@Command(name = "use-context", description = "Make NAME the current context.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Make prod the current context",
                "  berth config use-context prod",
                "",
                "  # Back to the lab's context",
                "  berth config use-context lab"})
final class UseContextCommand extends ConfigVerb {

    @Parameters(paramLabel = "NAME", description = "An existing context.")
    String name;

    @Override
    public Integer call() {
        BerthConfig config = store().load();
        existing(config, name);
        store().save(config.withCurrent(name));
        say("Switched to context \"" + name + "\".");
        return 0;
    }
}
