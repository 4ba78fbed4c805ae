package dev.berth.cli.converge;

import dev.berth.shell.ShellQuote;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The change cause of a revision whose Deployment has no {@code kubernetes.io/change-cause} annotation: the berth
 * command that made it, as kubectl's {@code --record} kept it, e.g. {@code berth apply -f web.yaml}. The global
 * options ({@code --cluster}, {@code --context}, {@code -o}, {@code -v}, ...) are left out: they say where and
 * how, not what; {@code -n}, which names what, is kept. The
 * words of a converging verb are file names, names and flags, never a Secret's value.
 */
final class ChangeCause {
    private ChangeCause() {
    }

    /** {@code berth} and the words of the command line that ran {@code verb}, global options left out. */
    static String of(CommandSpec verb) {
        List<OptionSpec> global = verb.options().stream().filter(OptionSpec::inherited)
                .filter(option -> !List.of(option.names()).contains("--namespace")).toList();
        List<String> args = verb.commandLine().getParseResult().originalArgs();
        List<String> words = new ArrayList<>();
        words.add("berth");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            OptionSpec option = global.stream().filter(o -> names(o, arg)).findFirst().orElse(null);
            if (option == null) {
                words.add(ShellQuote.quoteIfNeeded(arg));
            } else if (option.arity().min() > 0 && List.of(option.names()).contains(arg)) {
                i++;
            } else if (List.of(option.names()).contains("--verbose") && i + 1 < args.size()
                    && args.get(i + 1).matches("\\d{1,2}")) {
                i++; // -v 6
            }
        }
        return String.join(" ", words);
    }

    /** Whether {@code arg} is {@code option}: one of its names, {@code --name=value}, or {@code -ovalue}. */
    private static boolean names(OptionSpec option, String arg) {
        for (String name : option.names()) {
            boolean shortName = name.length() == 2 && !name.startsWith("--");
            if (arg.equals(name) || arg.startsWith(name + "=")
                    || (shortName && option.arity().min() > 0 && arg.startsWith(name))) {
                return true;
            }
        }
        return false;
    }
}
