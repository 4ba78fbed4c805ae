package dev.berth.cli;

import dev.berth.error.BerthException;
import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.manifest.schema.Spelling;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * Turns every failure into one line a person can act on, and the documented exit code.
 * Stack traces are printed only for internal errors (exit 4), and only with {@code -v}: never for bad input.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final GlobalOptions global;

    ErrorHandler(GlobalOptions global) {
        this.global = global;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        Optional<String> verb = unknownVerb(ex);
        if (verb.isPresent()) {
            err.println("error: unknown command \"" + verb.get() + "\" for \"" + command.getCommandSpec().qualifiedName()
                    + "\"");
            List<String> near = Spelling.near(verb.get(), command.getSubcommands().keySet());
            if (!near.isEmpty()) {
                err.println();
                err.println("Did you mean this?");
                near.forEach(name -> err.println("\t" + name));
                err.println();
            }
            err.println("See '" + command.getCommandSpec().qualifiedName() + " --help' for the commands.");
            err.flush();
            return ExitCode.INVALID_INPUT.code();
        }
        err.println("error: " + ex.getMessage());
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.INVALID_INPUT.code();
    }

    /** The word given where a command with verbs below it expected one of them, if that is what went wrong. */
    private static Optional<String> unknownVerb(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException unmatched) || ex.getCommandLine().getSubcommands().isEmpty()
                || unmatched.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        String word = unmatched.getUnmatched().get(0);
        return word.startsWith("-") ? Optional.empty() : Optional.of(word);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        int code = report(ex, err);
        if (global.verbose() && code == ExitCode.INTERNAL.code()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int report(Throwable ex, PrintWriter err) {
        if (ex instanceof InvalidInputException invalid) {
            invalid.problems().forEach(err::println);
        }
        if (ex instanceof BerthException known) {
            err.println("error: " + known.getMessage());
            return known.exitCode().code();
        }
        if (ex instanceof ParameterException parameter) {
            err.println("error: " + parameter.getMessage());
            return ExitCode.INVALID_INPUT.code();
        }
        err.println("internal error: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                + " (run again with -v for a stack trace, and please report it)");
        return ExitCode.INTERNAL.code();
    }
}
