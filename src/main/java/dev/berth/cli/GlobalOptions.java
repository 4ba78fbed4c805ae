package dev.berth.cli;

import dev.berth.cli.output.OutputChoice;
import dev.berth.cli.output.OutputFormat;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.Stack;

/**
 * The options every verb takes: one instance per run, mixed into the root command (each option inherited by
 * every verb below it, so its value lands here wherever it is given: before the verb or after it, as kubectl
 * takes them) and handed to each verb by {@link VerbFactory}. A verb reads them here, never through the root
 * command.
 */
public final class GlobalOptions {
    /** The level of a bare {@code -v}: explain more, stack traces of internal errors. */
    public static final int VERBOSE = 1;
    /** From this level on, every remote command goes to stderr with its node, duration and exit code. */
    public static final int REMOTE_COMMANDS = 6;
    /** From this level on, the steps of each SSH handshake are shown too. */
    public static final int SSH_HANDSHAKES = 8;

    @Option(names = "--cluster", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Cluster inventory file (overrides $BERTH_CLUSTER and contexts).")
    String cluster;

    @Option(names = "--context", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Context to use instead of the current one.")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", scope = ScopeType.INHERIT,
            description = "Namespace of the objects (default: the context's, else default).")
    String namespace;

    @Option(names = {"-v", "--v", "--verbose"}, paramLabel = "N", arity = "0", scope = ScopeType.INHERIT,
            parameterConsumer = Level.class,
            description = "Verbosity, as kubectl: -v or -v=1 explains more and prints stack traces of internal "
                    + "errors; -v=6 shows every remote command with its node, duration and exit code; -v=8 "
                    + "also the SSH handshakes.")
    int verbosity;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colour in tables and diffs; there is none anyway when stdout is not a terminal or "
                    + "$NO_COLOR is set.")
    boolean noColor;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            converter = OutputFormat.Converter.class, completionCandidates = OutputFormat.Flags.class,
            description = "Output format: wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC "
                    + "(default: a table).")
    OutputChoice output;

    public OutputFormat outputFormat() {
        return outputChoice().format();
    }

    /** The format with its template, for {@code -o jsonpath=...} and {@code -o custom-columns=...}. */
    public OutputChoice outputChoice() {
        return output == null ? OutputChoice.TABLE : output;
    }

    public boolean verbose() {
        return verbosity >= VERBOSE;
    }

    /** 0 unless {@code -v} was given; {@code -v} alone is {@link #VERBOSE}. */
    public int verbosity() {
        return verbosity;
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

    /** {@code -n} as given, or {@code null}. */
    public String namespaceOption() {
        return namespace;
    }

    /**
     * Reads {@code -v}'s level: {@code -v=6}, {@code -v6} and {@code -v 6} give 6; a bare {@code -v} gives 1 and
     * leaves the next word (a verb, a name) alone, so that {@code berth -v get pods} and {@code get pods -v} work.
     */
    static final class Level implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            int level = VERBOSE;
            if (!args.isEmpty() && args.peek().matches("\\d{1,2}")) {
                level = Integer.parseInt(args.pop());
            }
            argSpec.setValue(level);
        }
    }
}
