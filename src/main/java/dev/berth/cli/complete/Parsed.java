package dev.berth.cli.complete;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The words before the cursor, read as berth would read them: the command they reach, its positional words, the
 * namespace {@code -n} named (null if none), the {@code --context} and {@code --cluster} options given (which say
 * which cluster the names come from), and an option still waiting for its value.
 */
record Parsed(CommandSpec command, List<String> positionals, String namespace, List<String> where,
              OptionSpec pendingOption, boolean afterDoubleDash) {
    private static final List<String> WHERE = List.of("--context", "--cluster");

    static Parsed of(CommandSpec root, List<String> words) {
        CommandSpec command = root;
        List<String> positionals = new ArrayList<>();
        String namespace = null;
        List<String> where = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--")) {
                return new Parsed(command, positionals, namespace, where, null, true);
            }
            if (word.startsWith("-") && word.length() > 1) {
                String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                OptionSpec option = command.findOption(name);
                if (option == null && !word.startsWith("--") && word.length() > 2) {
                    option = command.findOption(word.substring(0, 2)); // -nshop, -v6
                }
                if (option == null) {
                    continue;
                }
                String value = null;
                boolean takesValue = option.arity().min() > 0;
                if (word.contains("=")) {
                    value = word.substring(word.indexOf('=') + 1);
                } else if (!word.startsWith("--") && word.length() > 2) {
                    value = word.substring(2);
                } else if (takesValue) {
                    if (i + 1 == words.size()) {
                        return new Parsed(command, positionals, namespace, where, option, false);
                    }
                    value = words.get(++i);
                } else if (List.of(option.names()).contains("--verbose") && i + 1 < words.size()
                        && words.get(i + 1).matches("\\d{1,2}")) {
                    i++;
                }
                if (List.of(option.names()).contains("--namespace")) {
                    namespace = value;
                }
                String longest = option.longestName();
                if (WHERE.contains(longest) && value != null) {
                    where.add(longest + "=" + value);
                }
                continue;
            }
            CommandLine sub = positionals.isEmpty() ? command.subcommands().get(word) : null;
            if (sub != null) {
                command = sub.getCommandSpec();
            } else {
                positionals.add(word);
            }
        }
        return new Parsed(command, positionals, namespace, where, null, false);
    }
}
