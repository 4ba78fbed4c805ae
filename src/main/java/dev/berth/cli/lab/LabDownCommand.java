package dev.berth.cli.lab;

import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth lab down}: remove a lab. Images stay cached, so the next up takes seconds. */
@Command(name = "down", description = {
        "Remove the lab's nodes (with everything that ran on them), its registry, network and files.",
        "Running it again, or for a lab that is not up, is fine. Built images stay cached."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Remove the lab; the built images stay cached",
                "  berth lab down",
                "",
                "  # Remove the lab ci and the images pushed to its registry",
                "  berth lab down --name ci --purge"})
public final class LabDownCommand extends LabVerb {

    @Option(names = "--purge", description = "Also delete the registry's data volume (pushed images).")
    boolean purge;

    @Override
    public Integer call() {
        boolean existed = control().down(purge);
        try {
            if (LabContext.unregister(configStore(), lab(), files().inventory())) {
                progress("lab: removed context " + lab().context());
            }
        } catch (InvalidInputException e) {
            progress("warning: the lab is down, but its context was not removed: " + e.getMessage());
        }
        out().println("lab \"" + name + "\" is down" + (existed ? "" : " (nothing was up)"));
        out().flush();
        return ExitCode.OK.code();
    }
}
