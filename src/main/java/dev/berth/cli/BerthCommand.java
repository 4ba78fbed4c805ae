package dev.berth.cli;

import dev.berth.cli.attach.ExecCommand;
import dev.berth.cli.attach.LogsCommand;
import dev.berth.cli.complete.CompleteCommand;
import dev.berth.cli.complete.CompletionCommand;
import dev.berth.cli.config.ConfigCommand;
import dev.berth.cli.converge.ApplyCommand;
import dev.berth.cli.converge.DeleteCommand;
import dev.berth.cli.converge.DiffCommand;
import dev.berth.cli.converge.NodeVerbs;
import dev.berth.cli.converge.ScaleCommand;
import dev.berth.cli.converge.ReconcileCommand;
import dev.berth.cli.converge.VolumeCommand;
import dev.berth.cli.lab.LabCommand;
import dev.berth.cli.edge.EdgeCommand;
import dev.berth.cli.lock.LockCommand;
import dev.berth.cli.observe.DescribeCommand;
import dev.berth.cli.observe.GetCommand;
import dev.berth.cli.observe.TopCommand;
import dev.berth.cli.rollout.RolloutCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** The root command: global options shared by every verb, and the list of verbs. */
@Command(name = "berth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = {
                "An agentless container orchestrator with kubectl's habits.",
                "berth reads a cluster inventory and Kubernetes-style manifests, reaches every server over "
                        + "SSH, runs docker there and converges what runs to what should run."},
        exitCodeListHeading = "%nExit codes:%n",
        footerHeading = "%nFiles:%n",
        footer = {
                "  ~/.config/berth/config.yaml   contexts pointing at cluster inventories ($XDG_CONFIG_HOME honoured)",
                "  ./cluster.yaml                the inventory used when no other is named",
                "",
                "Cluster inventory resolution order: --cluster, $BERTH_CLUSTER, --context or the current "
                        + "context, ./cluster.yaml."})
public final class BerthCommand implements Callable<Integer> {
    /**
     * The verbs, in the order {@code --help} lists them. They are added to the command line by {@link Main}, all of
     * them or only the one a command line names, so that a run builds the options of its own verb only.
     */
    static final List<Class<?>> VERBS = List.of(
            ValidateCommand.class,
            ApplyCommand.class,
            DiffCommand.class,
            ReconcileCommand.class,
            DeleteCommand.class,
            ScaleCommand.class,
            RolloutCommand.class,
            NodeVerbs.Cordon.class,
            NodeVerbs.Uncordon.class,
            NodeVerbs.Drain.class,
            VolumeCommand.class,
            GetCommand.class,
            DescribeCommand.class,
            TopCommand.class,
            LogsCommand.class,
            ExecCommand.class,
            LockCommand.class,
            EdgeCommand.class,
            LabCommand.class,
            ConfigCommand.class,
            CompletionCommand.class,
            VersionCommand.class,
            CompleteCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    public BerthCommand(GlobalOptions global) {
        this.global = global;
    }

    /** {@code berth} alone prints its usage, like kubectl. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
