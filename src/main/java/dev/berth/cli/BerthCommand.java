package dev.berth.cli;

import dev.berth.cli.config.ConfigCommand;
import dev.berth.cli.converge.ApplyCommand;
import dev.berth.cli.converge.DeleteCommand;
import dev.berth.cli.converge.DiffCommand;
import dev.berth.cli.converge.NodeVerbs;
import dev.berth.cli.converge.ScaleCommand;
import dev.berth.cli.converge.ReconcileCommand;
import dev.berth.cli.lab.LabCommand;
import dev.berth.cli.lock.LockCommand;
import dev.berth.cli.observe.DescribeCommand;
import dev.berth.cli.observe.GetCommand;
import dev.berth.cli.observe.TopCommand;
import dev.berth.cli.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The root command: global options shared by every verb, and the list of verbs. */
@Command(name = "berth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = {
                "An agentless container orchestrator with kubectl's habits.",
                "berth reads a cluster inventory and Kubernetes-style manifests, reaches every server over "
                        + "SSH, runs docker there and converges what runs to what should run."},
        subcommands = {
                ValidateCommand.class,
                ApplyCommand.class,
                DiffCommand.class,
                ReconcileCommand.class,
                DeleteCommand.class,
                ScaleCommand.class,
                NodeVerbs.Cordon.class,
                NodeVerbs.Uncordon.class,
                NodeVerbs.Drain.class,
                GetCommand.class,
                DescribeCommand.class,
                TopCommand.class,
                LockCommand.class,
                LabCommand.class,
                ConfigCommand.class,
                VersionCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        footerHeading = "%nFiles:%n",
        footer = {
                "  ~/.config/berth/config.yaml   contexts pointing at cluster inventories ($XDG_CONFIG_HOME honoured)",
                "  ./cluster.yaml                the inventory used when no other is named",
                "",
                "Cluster inventory resolution order: --cluster, $BERTH_CLUSTER, --context or the current "
                        + "context, ./cluster.yaml."})
public final class BerthCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Cluster inventory file (overrides $BERTH_CLUSTER and contexts).")
    String cluster;

    @Option(names = "--context", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Context to use instead of the current one.")
    String context;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Explain more; print stack traces of errors.")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colour in tables and diffs; there is none anyway when stdout is not a terminal or "
                    + "$NO_COLOR is set.")
    boolean noColor;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            converter = OutputFormat.Converter.class, completionCandidates = OutputFormat.Flags.class,
            description = "Output format: wide, json, yaml or name (default: a table).")
    OutputFormat output;

    public BerthCommand(Environment environment) {
        this.environment = environment;
    }

    /** {@code berth} alone prints its usage, like kubectl. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    public Environment environment() {
        return environment;
    }

    public OutputFormat outputFormat() {
        return output == null ? OutputFormat.TABLE : output;
    }

    public boolean verbose() {
        return verbose;
    }

    /** Whether stdout may be coloured: see {@link Environment#decorates(boolean)}. */
    public boolean decorates() {
        return environment.decorates(noColor);
    }

    public String clusterOption() {
        return cluster;
    }

    public String contextOption() {
        return context;
    }
}
