package dev.berth.cli.lab;

import dev.berth.cli.BaseCommand;
import picocli.CommandLine.Command;

/** {@code berth lab}: a real cluster on this machine, for trying berth and for its tests. */
@Command(name = "lab",
        description = {
                "A real local cluster: nodes are containers with sshd and their own Docker engine, on a "
                        + "private network with a registry, reachable by berth like any servers.",
                "Files of lab NAME (key pair, known_hosts, cluster.yaml) live in "
                        + "$XDG_DATA_HOME/berth/labs/NAME/ (default ~/.local/share/berth/labs/NAME/)."},
        subcommands = {LabUpCommand.class, LabDownCommand.class, LabStatusCommand.class, LabNodeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                " 0:done",
                " 2:invalid usage, or this machine lacks a program or root (the message says what to run)",
                " 3:no Docker engine answers, or the lab did not come up",
                " 4:internal error in berth"},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Start a three-node lab, apply an app through its context lab, remove it",
                "  berth lab up",
                "  berth --context lab apply -f examples/hello/",
                "  berth lab down"})
public final class LabCommand extends BaseCommand {

    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return 0;
    }
}
