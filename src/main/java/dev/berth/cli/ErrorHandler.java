package dev.berth.cli;

import dev.berth.error.BerthException;
import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * Turns every failure into one line a person can act on, and the documented exit code.
 * Stack traces are printed only with {@code -v}.
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
        err.println("error: " + ex.getMessage());
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.INVALID_INPUT.code();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        int code = report(ex, err);
        if (global.verbose()) {
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
