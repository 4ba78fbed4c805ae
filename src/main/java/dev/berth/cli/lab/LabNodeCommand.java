package dev.berth.cli.lab;

import dev.berth.cli.BaseCommand;
import dev.berth.error.ExitCode;
import dev.berth.lab.NodeFaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth lab node stop|start|kill|partition|heal NODE}: faults for trying and testing berth. */
@Command(name = "node", description = "Inflict a fault on a lab node, or cure it. NODE is node-2 or just 2.",
        subcommands = {LabNodeCommand.Stop.class, LabNodeCommand.Start.class, LabNodeCommand.Kill.class,
                LabNodeCommand.Partition.class, LabNodeCommand.Heal.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Kill node-2, let reconcile put its replicas elsewhere, then bring it back",
                "  berth lab node kill 2",
                "  berth --context lab reconcile",
                "  berth lab node start 2"})
public final class LabNodeCommand extends BaseCommand {

    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return ExitCode.OK.code();
    }

    /** One fault: acts on the node, then says what it did on stdout. */
    abstract static class Action extends LabVerb {
        @Parameters(paramLabel = "NODE", description = "The node: node-N or N.")
        String node;

        abstract void act(NodeFaults faults, String node);

        abstract String done();

        @Override
        public Integer call() {
            act(control().faults(), node);
            out().println((node.matches("\\d+") ? "node-" + node : node) + " " + done());
            out().flush();
            return ExitCode.OK.code();
        }
    }

    @Command(name = "stop", description = "Stop the node gracefully (its engine stops its containers first).",
            footerHeading = "%nExamples:%n",
            footer = {
                    "  # Stop node-2 gracefully, then start it again",
                    "  berth lab node stop node-2",
                    "  berth lab node start node-2",
                    "",
                    "  # Stop node 3 of the lab ci",
                    "  berth lab node stop 3 --name ci"})
    public static final class Stop extends Action {
        @Override
        void act(NodeFaults faults, String node) {
            faults.stop(node);
        }

        @Override
        String done() {
            return "stopped";
        }
    }

    @Command(name = "start", description = "Start a stopped or killed node and wait until it is ready; "
            + "it keeps its address and host key.",
            footerHeading = "%nExamples:%n",
            footer = {
                    "  # Bring back node-2 after a stop or a kill; it keeps its address and host key",
                    "  berth lab node start node-2",
                    "",
                    "  # Node 2 of the lab ci",
                    "  berth lab node start 2 --name ci"})
    public static final class Start extends Action {
        @Override
        void act(NodeFaults faults, String node) {
            faults.start(node);
        }

        @Override
        String done() {
            return "started";
        }
    }

    @Command(name = "kill", description = "Kill the node at once, like a power cut.",
            footerHeading = "%nExamples:%n",
            footer = {
                    "  # Power off node-2, see it Unreachable, let reconcile move its replicas away",
                    "  berth lab node kill node-2",
                    "  berth --context lab get nodes",
                    "  berth --context lab reconcile",
                    "",
                    "  # Node 3 of the lab ci",
                    "  berth lab node kill 3 --name ci"})
    public static final class Kill extends Action {
        @Override
        void act(NodeFaults faults, String node) {
            faults.kill(node);
        }

        @Override
        String done() {
            return "killed";
        }
    }

    @Command(name = "partition", description = "Cut the node off the lab network both ways; it keeps running, "
            + "and whoever reaches for it sees timeouts.",
            footerHeading = "%nExamples:%n",
            footer = {
                    "  # Cut node-3 off the network, see it Unreachable, then heal it",
                    "  berth lab node partition node-3",
                    "  berth --context lab get nodes",
                    "  berth lab node heal node-3",
                    "",
                    "  # Node 2 of the lab ci",
                    "  berth lab node partition 2 --name ci"})
    public static final class Partition extends Action {
        @Override
        void act(NodeFaults faults, String node) {
            faults.partition(node);
        }

        @Override
        String done() {
            return "partitioned";
        }
    }

    @Command(name = "heal", description = "Undo a partition.",
            footerHeading = "%nExamples:%n",
            footer = {
                    "  # Put node-3 back on the network after a partition",
                    "  berth lab node heal node-3",
                    "",
                    "  # Node 2 of the lab ci",
                    "  berth lab node heal 2 --name ci"})
    public static final class Heal extends Action {
        @Override
        void act(NodeFaults faults, String node) {
            faults.heal(node);
        }

        @Override
        String done() {
            return "healed";
        }
    }
}
