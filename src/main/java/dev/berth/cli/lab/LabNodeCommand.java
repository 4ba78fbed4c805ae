package dev.berth.cli.lab;

import dev.berth.cli.BaseCommand;
import dev.berth.error.ExitCode;
import dev.berth.lab.NodeFaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth lab node stop|start|kill|partition|heal NODE}: faults for trying and testing berth. */
@Command(name = "node", description = "Inflict a fault on a lab node, or cure it. NODE is node-2 or just 2.",
        subcommands = {LabNodeCommand.Stop.class, LabNodeCommand.Start.class, LabNodeCommand.Kill.class,
                LabNodeCommand.Partition.class, LabNodeCommand.Heal.class})
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

    @Command(name = "stop", description = "Stop the node gracefully (its engine stops its containers first).")
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
            + "it keeps its address and host key.")
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

    @Command(name = "kill", description = "Kill the node at once, like a power cut.")
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
            + "and whoever reaches for it sees timeouts.")
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

    @Command(name = "heal", description = "Undo a partition.")
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
