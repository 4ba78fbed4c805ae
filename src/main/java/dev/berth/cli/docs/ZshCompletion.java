package dev.berth.cli.docs;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the zsh completion function ({@code _berth}, for a directory on {@code fpath}): one
 * function per command, built on {@code _arguments}, dispatching to its subcommands.
 */
final class ZshCompletion {
    private final StringBuilder out = new StringBuilder();
    private final CommandLine root;

    private ZshCompletion(CommandLine root) {
        this.root = root;
    }

    static String render(CommandLine root) {
        return new ZshCompletion(root).script();
    }

    /** A word in single quotes for zsh: a quote ends the string, is escaped, and starts it again. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** Text inside an {@code _arguments} description: brackets, colons and backslashes are special there. */
    static String describe(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:");
    }

    private String script() {
        String name = root.getCommandName();
        line("#compdef " + name);
        line("# zsh completion for " + name + ", generated from its command tree; do not edit.");
        for (CommandLine command : HelpText.walk(root)) {
            line("");
            function(command);
        }
        line("");
        line(functionName(root.getCommandSpec()) + " \"$@\"");
        return out.toString();
    }

    private void function(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        List<CommandLine> children = HelpText.children(command);
        line(functionName(spec) + "() {");
        if (!children.isEmpty()) {
            line("  local curcontext=\"$curcontext\" state line");
            line("  typeset -A opt_args");
        }
        List<String> specs = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                specs.add(optionSpec(option));
            }
        }
        if (children.isEmpty()) {
            int position = 1;
            for (PositionalParamSpec positional : spec.positionalParameters()) {
                if (positional.hidden()) {
                    continue;
                }
                String where = positional.arity().max() > 1 ? "*" : String.valueOf(position++);
                specs.add(quote(where + ":" + describe(positional.paramLabel()) + ":"
                        + (FishCompletion.isFile(positional.paramLabel()) ? "_files" : " ")));
            }
        } else {
            specs.add(quote("1: :->command"));
            specs.add(quote("*:: :->argument"));
        }
        line("  _arguments -s -S" + (children.isEmpty() ? "" : " -C") + " \\");
        for (int i = 0; i < specs.size(); i++) {
            line("    " + specs.get(i) + (i < specs.size() - 1 ? " \\" : (children.isEmpty() ? "" : " && return 0")));
        }
        if (children.isEmpty()) {
            line("}");
            return;
        }
        line("  case $state in");
        line("    command)");
        line("      local -a commands");
        line("      commands=(");
        for (CommandLine child : children) {
            line("        " + quote(child.getCommandName().replace(":", "\\:") + ":"
                    + HelpText.summary(child.getCommandSpec())));
        }
        line("      )");
        line("      _describe -t commands " + quote(spec.qualifiedName() + " command") + " commands");
        line("      ;;");
        line("    argument)");
        line("      case $line[1] in");
        for (CommandLine child : children) {
            line("        " + quote(child.getCommandName()) + ") " + functionName(child.getCommandSpec()) + " ;;");
        }
        line("      esac");
        line("      ;;");
        line("  esac");
        line("}");
    }

    private static String optionSpec(OptionSpec option) {
        String[] names = option.names();
        String description = "[" + describe(HelpText.of(option)) + "]";
        String value = "";
        if (FishCompletion.takesValue(option)) {
            List<String> candidates = FishCompletion.candidates(option);
            String action = !candidates.isEmpty() ? "(" + String.join(" ", candidates) + ")"
                    : FishCompletion.isFile(option.paramLabel()) ? "_files" : " ";
            value = ":" + describe(option.paramLabel()) + ":" + action;
        }
        if (names.length == 1) {
            return quote(names[0] + suffix(names[0], option) + description + value);
        }
        String exclusions = "(" + String.join(" ", names) + ")";
        List<String> variants = new ArrayList<>();
        for (String name : names) {
            variants.add(name + suffix(name, option));
        }
        return quote(exclusions) + "{" + String.join(",", variants) + "}" + quote(description + value);
    }

    /** How a value follows the option: {@code -n NS} or {@code -nNS}; {@code --name=V} or {@code --name V}. */
    private static String suffix(String name, OptionSpec option) {
        if (!FishCompletion.takesValue(option)) {
            return "";
        }
        return name.startsWith("--") ? "=" : "+";
    }

    private static String functionName(CommandSpec spec) {
        return "_" + spec.qualifiedName("__");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
