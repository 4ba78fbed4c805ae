package dev.berth.cli.edge;

import dev.berth.cli.BaseCommand;
import picocli.CommandLine.Command;

/** {@code berth edge}: the edge nginx that berth runs on the nodes with role edge. */
@Command(name = "edge",
        description = {"Show the edge: the nginx berth runs on every node with role edge (spec.edge in the "
                + "inventory), configured from the Ingresses and Services by every run that converges."},
        subcommands = {
                EdgeStatusCommand.class,
        },
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Whether every edge node serves the configuration berth loaded last",
                "  berth edge status"})
public final class EdgeCommand extends BaseCommand {

    /** {@code berth edge} alone prints its usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        out().flush();
        return 0;
    }
}
