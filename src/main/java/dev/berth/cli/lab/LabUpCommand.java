package dev.berth.cli.lab;

import dev.berth.cli.output.OutputFormat;
import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.lab.LabStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth lab up}: start a lab, or bring a running one to the wanted shape. */
@Command(name = "up", description = {
        "Start a lab of N nodes and a registry, or converge a running one to N nodes (running it twice is fine).",
        "The first run builds the images (about a minute); later runs take seconds. Progress goes to stderr."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Start the lab (three nodes, a registry) and make its context lab current",
                "  berth lab up",
                "",
                "  # Grow the running lab to five nodes",
                "  berth lab up --nodes 5",
                "",
                "  # A second lab of two nodes beside the first, pushing images to port 5001",
                "  berth lab up --name ci --nodes 2 --registry-port 5001"})
public final class LabUpCommand extends LabVerb {

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "3", description = "Number of nodes (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "-1",
            description = "Loopback port to push images to (default: 5000 for the lab named lab when free, else any free port).")
    int registryPort;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        LabStatus status = control().up(nodes, registryPort);
        LabStatusListing.print(status, global().outputFormat(), palette(), out(), err(),
                "berth lab up" + nameOption());
        registerContext();
        long seconds = Math.round((System.nanoTime() - started) / 1e9);
        long ready = status.nodes().stream().filter(LabStatus.NodeStatus::ready).count();
        err().println("lab \"" + name + "\" is up: " + ready + " node" + (ready == 1 ? "" : "s") + " ready in "
                + seconds + " s");
        err().flush();
        return ExitCode.OK.code();
    }

    private void registerContext() {
        try {
            LabContext.register(configStore(), lab(), files().inventory()).ifPresent(previous ->
                    progress("lab: context " + lab().context() + " pointed at " + previous + "; it now points at this lab"));
            if (global().outputFormat() == OutputFormat.TABLE || global().outputFormat() == OutputFormat.WIDE) {
                out().println("context: " + lab().context() + " (current; berth config use-context NAME switches back)");
                out().flush();
            }
        } catch (InvalidInputException e) {
            progress("warning: the lab is up, but its context was not registered: " + e.getMessage());
        }
    }
}
