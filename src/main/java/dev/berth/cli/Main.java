package dev.berth.cli;

import dev.berth.cli.complete.CompleteCommand;
import dev.berth.cli.complete.CompletionCommand;
import dev.berth.cli.config.ConfigCommand;
import dev.berth.cli.lab.LabCommand;
import dev.berth.error.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The entry point of the berth launcher. */
public final class Main {
    /** The verbs that never open a connection to a cluster's nodes. */
    private static final Set<Class<?>> LOCAL_VERBS = Set.of(ValidateCommand.class, LabCommand.class,
            ConfigCommand.class, CompletionCommand.class, VersionCommand.class, CompleteCommand.class);

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, Environment.ofProcess(), out, err));
    }

    /**
     * Runs one berth command line in-process and returns its exit code. A command line that names a verb gets a
     * tree of that verb only (building every verb's options is a large part of a short run's start); one without,
     * or with a word that is no verb, gets the whole tree, for the usage and the suggestions. A verb that reaches
     * the cluster has its transport prepared first, on another core, while the tree is built and the inventory read
     * (the cryptography provider's set-up is about 90 ms of CPU, longer than either).
     */
    public static int run(String[] args, Environment environment, PrintWriter out, PrintWriter err) {
        Optional<Class<?>> verb = VerbWord.of(args).flatMap(Main::verb);
        if (verb.filter(named -> !LOCAL_VERBS.contains(named)).isPresent()) {
            environment.transports().prepare();
        }
        List<Class<?>> verbs = verb.map(List::<Class<?>>of).orElse(BerthCommand.VERBS);
        return commandLine(environment, out, err, verbs).execute(args);
    }

    /** The full command tree, wired to the given environment and writers. */
    public static CommandLine commandLine(Environment environment, PrintWriter out, PrintWriter err) {
        return commandLine(environment, out, err, BerthCommand.VERBS);
    }

    /**
     * The verb named {@code word} (by its name or an alias), unless it is {@code __complete}, which completes
     * from the whole tree.
     */
    private static Optional<Class<?>> verb(String word) {
        return BerthCommand.VERBS.stream().filter(verb -> verb != CompleteCommand.class).filter(verb -> {
            Command command = verb.getAnnotation(Command.class);
            return command.name().equals(word) || Arrays.asList(command.aliases()).contains(word);
        }).findFirst();
    }

    private static CommandLine commandLine(Environment environment, PrintWriter out, PrintWriter err,
                                           List<Class<?>> verbs) {
        GlobalOptions global = new GlobalOptions();
        ErrorHandler errors = new ErrorHandler(global);
        VerbFactory factory = new VerbFactory(environment, global);
        CommandLine commandLine = new CommandLine(new BerthCommand(global), factory);
        for (Class<?> verb : verbs) {
            commandLine.addSubcommand(new CommandLine(verb, factory));
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // a context or a name may be spelled like a verb: `--context lab get nodes`
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        commandLine.registerConverter(Duration.class, new DurationConverter());
        commandLine.getCommandSpec().usageMessage().exitCodeList(exitCodes());
        return commandLine;
    }

    /** The exit code list of {@code --help}, from the one place the codes are defined. */
    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            codes.put(" " + code.code(), code.meaning());
        }
        return codes;
    }
}
