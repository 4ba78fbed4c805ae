package dev.berth.cli;

import dev.berth.cli.output.OutputFormat;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every verb takes: one instance per run, mixed into the root command (each option inherited by
 * every verb below it, so its value lands here wherever it is given) and handed to each verb by
 * {@link VerbFactory}. A verb reads them here, never through the root command.
 */
public final class GlobalOptions {

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

    public OutputFormat outputFormat() {
        return output == null ? OutputFormat.TABLE : output;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean noColor() {
        return noColor;
    }

    public String clusterOption() {
        return cluster;
    }

    public String contextOption() {
        return context;
    }
}
