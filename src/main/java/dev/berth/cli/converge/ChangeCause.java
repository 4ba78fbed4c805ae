package dev.berth.cli.converge;

import dev.berth.shell.ShellQuote;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The change cause of a revision whose Deployment has no {@code kubernetes.io/change-cause} annotation: the berth
 * command that made it, as kubectl's {@code --record} kept it, e.g. {@code berth apply -f web.yaml}. The global
 * options ({@code --cluster}, {@code --context}, {@code -o}, ...) are left out: they say where, not what. The
 * words of a converging verb are file names, names and flags, never a Secret's value.
 */
final class ChangeCause {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,@%+-]+");

    private ChangeCause() {
    }

    /** {@code berth} and the words of the command line that ran {@code verb}, global options left out. */
    static String of(CommandSpec verb) {
        List<OptionSpec> global = verb.options().stream().filter(OptionSpec::inherited).toList();
        List<String> args = verb.commandLine().getParseResult().originalArgs();
        List<String> words = new ArrayList<>();
        words.add("berth");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            OptionSpec option = global.stream().filter(o -> names(o, arg)).findFirst().orElse(null);
            if (option == null) {
                words.add(PLAIN.matcher(arg).matches() ? arg : ShellQuote.quote(arg));
            } else if (option.arity().min() > 0 && List.of(option.names()).contains(arg)) {
                i++;
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
