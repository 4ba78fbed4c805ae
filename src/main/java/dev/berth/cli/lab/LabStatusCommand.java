package dev.berth.cli.lab;

import dev.berth.error.ExitCode;
import picocli.CommandLine.Command;

/** {@code berth lab status}: the lab's nodes and registry as Docker sees them. */
@Command(name = "status",
        description = "Show the lab's nodes (Ready, NotReady, Partitioned, Stopped) and its registry.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  # The lab's nodes and registry",
                "  berth lab status",
                "",
                "  # The lab ci, for a script",
                "  berth lab status --name ci -o json"})
public final class LabStatusCommand extends LabVerb {

    @Override
    public Integer call() {
        LabStatusListing.print(control().status(), global().outputFormat(), palette(), out(), err(),
                "berth lab up" + nameOption());
        return ExitCode.OK.code();
    }
}
