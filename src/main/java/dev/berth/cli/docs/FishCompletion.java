package dev.berth.cli.docs;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the fish completion script. A small fish function works out which command the line
 * is in (skipping options and their values), and each completion applies to one command.
 */
final class FishCompletion {
    private final StringBuilder out = new StringBuilder();
    private final CommandLine root;

    private FishCompletion(CommandLine root) {
        this.root = root;
    }

    static String render(CommandLine root) {
        return new FishCompletion(root).script();
    }

    /** A word in single quotes, as fish reads it: only backslash and quote are special. */
    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private String script() {
        String name = root.getCommandName();
        String function = "__" + name + "_command";
        line("# fish completion for " + name + ", generated from its command tree; do not edit.");
        line("");
        line("function " + function + " --description 'The " + name + " command the line is in'");
        line("    set -l tokens (commandline -opc)");
        line("    set -l path " + name);
        line("    set -l skip 0");
        line("    for token in $tokens[2..-1]");
        line("        if test $skip = 1");
        line("            set skip 0");
        line("            continue");
        line("        end");
        line("        switch $token");
        line("            case " + String.join(" ", valueOptions().stream().map(FishCompletion::quote).toList()));
        line("                set skip 1");
        line("            case '-*'");
        line("            case '*'");
        line("                if contains -- \"$path $token\" " + String.join(" ",
                commandPaths().stream().map(FishCompletion::quote).toList()));
        line("                    set path \"$path $token\"");
        line("                end");
        line("        end");
        line("    end");
        line("    echo $path");
        line("end");
        line("");
        line("complete -c " + name + " -f");
        for (CommandLine command : HelpText.walk(root)) {
            commandCompletions(command, function);
        }
        return out.toString();
    }

    private void commandCompletions(CommandLine command, String function) {
        CommandSpec spec = command.getCommandSpec();
        String condition = "-n " + quote("test (" + function + ") = " + quote(spec.qualifiedName()));
        String prefix = "complete -c " + root.getCommandName() + " " + condition;
        for (CommandLine child : HelpText.children(command)) {
            line(prefix + " -a " + quote(child.getCommandName()) + " -d "
                    + quote(HelpText.summary(child.getCommandSpec())));
        }
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            StringBuilder entry = new StringBuilder(prefix);
            for (String optionName : option.names()) {
                entry.append(optionName.startsWith("--") ? " -l " : (optionName.length() == 2 ? " -s " : " -o "))
                        .append(quote(optionName.replaceFirst("^--?", "")));
            }
            if (takesValue(option)) {
                List<String> candidates = candidates(option);
                if (isFile(option.paramLabel())) {
                    entry.append(" -r -F");
                } else {
                    entry.append(" -x");
                }
                if (!candidates.isEmpty()) {
                    entry.append(" -a ").append(quote(String.join(" ", candidates)));
                }
            }
            entry.append(" -d ").append(quote(HelpText.of(option)));
            line(entry.toString());
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (!positional.hidden() && isFile(positional.paramLabel())) {
                line(prefix + " -F");
            }
        }
    }

    private Set<String> valueOptions() {
        Set<String> names = new LinkedHashSet<>();
        for (CommandLine command : HelpText.walk(root)) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (takesValue(option)) {
                    names.addAll(List.of(option.names()));
                }
            }
        }
        return names;
    }

    private List<String> commandPaths() {
        return HelpText.walk(root).stream().skip(1).map(c -> c.getCommandSpec().qualifiedName()).toList();
    }

    static boolean takesValue(OptionSpec option) {
        return option.arity().max() > 0 && !option.typeInfo().isBoolean();
    }

    static boolean isFile(String label) {
        return label.contains("FILE") || label.contains("DIR") || label.contains("PATH");
    }

    static List<String> candidates(OptionSpec option) {
        List<String> candidates = new ArrayList<>();
        if (option.completionCandidates() != null) {
            option.completionCandidates().forEach(candidates::add);
        }
        return candidates;
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
