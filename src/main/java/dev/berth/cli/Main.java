package dev.berth.cli;

import dev.berth.error.ExitCode;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The entry point of the berth launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, Environment.ofProcess(), out, err));
    }

    /** Runs one berth command line in-process and returns its exit code. */
    public static int run(String[] args, Environment environment, PrintWriter out, PrintWriter err) {
        return commandLine(environment, out, err).execute(args);
    }

    /** The full command tree, wired to the given environment and writers. */
    public static CommandLine commandLine(Environment environment, PrintWriter out, PrintWriter err) {
        GlobalOptions global = new GlobalOptions();
        ErrorHandler errors = new ErrorHandler(global);
        CommandLine commandLine = new CommandLine(new BerthCommand(global), new VerbFactory(environment, global));
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
