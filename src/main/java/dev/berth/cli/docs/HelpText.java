package dev.berth.cli.docs;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

/** The plain text of picocli descriptions, for the reference writers: format codes and variables resolved. */
final class HelpText {
    private HelpText() {
    }

    /** Every command in the tree, parents before children, in declaration order. */
    static List<CommandLine> walk(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && sub.getCommandName().equals(sub.getCommandSpec().name())) {
                all.addAll(walk(sub));
            }
        }
        return List.copyOf(all);
    }

    /** The visible subcommands of a command, each once (aliases skipped). */
    static List<CommandLine> children(CommandLine command) {
        List<CommandLine> children = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && name.equals(sub.getCommandSpec().name())) {
                children.add(sub);
            }
        });
        return children;
    }

    /** The paragraphs of a command's description. */
    static List<String> paragraphs(CommandSpec spec) {
        return lines(spec.usageMessage().description());
    }

    /** The first description line: the one-line summary of a command. */
    static String summary(CommandSpec spec) {
        List<String> paragraphs = paragraphs(spec);
        return paragraphs.isEmpty() ? "" : paragraphs.get(0);
    }

    /** An option's or parameter's description as one line. */
    static String of(ArgSpec arg) {
        String text = String.join(" ", lines(arg.description()));
        text = text.replace("${DEFAULT-VALUE}", String.valueOf(arg.defaultValue()));
        if (arg.completionCandidates() != null) {
            List<String> candidates = new ArrayList<>();
            arg.completionCandidates().forEach(candidates::add);
            text = text.replace("${COMPLETION-CANDIDATES}", String.join(", ", candidates));
        }
        return text;
    }

    /** The names of an option joined for a heading, e.g. {@code -o, --output}. */
    static List<String> names(OptionSpec option) {
        return List.of(option.names());
    }

    private static List<String> lines(String[] description) {
        List<String> lines = new ArrayList<>();
        for (String line : description) {
            for (String part : line.replace("%%", "\u0000").split("%n", -1)) {
                String text = part.replace("\u0000", "%").strip();
                if (!text.isEmpty()) {
                    lines.add(text);
                }
            }
        }
        return lines;
    }
}
