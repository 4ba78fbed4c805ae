package dev.berth.cli;

import dev.berth.error.ExitCode;
import picocli.CommandLine.Command;

/** {@code berth lab status}: the lab's nodes and registry as Docker sees them. */
@Command(name = "status", description = "Show the lab's nodes (Ready, NotReady, Partitioned, Stopped) and its registry.")
public final class LabStatusCommand extends LabVerb {

    @Override
    public Integer call() {
        LabStatusListing.print(this, control().status(), root().outputFormat(), out(), "berth lab up" + nameOption());
        return ExitCode.OK.code();
    }
}
