package dev.berth.cli.docs;

import dev.berth.error.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.List;
import java.util.Locale;

/**
 * Writes the troff man page of one command: {@code berth.1} for the root, {@code berth-VERB.1}
 * and {@code berth-VERB-SUB.1} below it. No dates or versions, so that the pages only change
 * when the commands do.
 */
final class ManPage {
    private final StringBuilder out = new StringBuilder();
    private final CommandLine command;
    private final CommandSpec spec;

    private ManPage(CommandLine command) {
        this.command = command;
        this.spec = command.getCommandSpec();
    }

    /** The page's file name, e.g. {@code berth-config-use-context.1}. */
    static String fileName(CommandSpec spec) {
        return pageName(spec) + ".1";
    }

    static String render(CommandLine command) {
        return new ManPage(command).page();
    }

    private static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    private String page() {
        boolean root = spec.parent() == null;
        line(".TH " + Troff.escape(pageName(spec).toUpperCase(Locale.ROOT)) + " 1 \"\" \"berth\" \"berth manual\"");
        line(".nh");
        line(".ad l");
        section("NAME");
        line(Troff.escape(pageName(spec)) + " \\- " + Troff.escape(HelpText.summary(spec)));
        synopsis();
        section("DESCRIPTION");
        paragraphs(HelpText.paragraphs(spec).subList(Math.min(1, HelpText.paragraphs(spec).size()),
                HelpText.paragraphs(spec).size()), HelpText.summary(spec));
        if (root) {
            rootNotes();
        }
        options("OPTIONS", spec.options().stream().filter(option -> !option.inherited()).toList());
        arguments();
        commands();
        options("GLOBAL OPTIONS", spec.options().stream().filter(OptionSpec::inherited).toList());
        exitStatus();
        if (root) {
            files();
            environment();
        }
        examples();
        seeAlso();
        return out.toString();
    }

    private void synopsis() {
        section("SYNOPSIS");
        StringBuilder synopsis = new StringBuilder(Troff.bold(spec.qualifiedName()));
        if (!spec.options().isEmpty()) {
            synopsis.append(" [").append(Troff.italic("OPTIONS")).append("]");
        }
        for (PositionalParamSpec positional : visiblePositionals()) {
            String label = Troff.italic(positional.paramLabel());
            boolean optional = positional.arity().min() == 0;
            boolean repeated = positional.arity().max() > 1;
            synopsis.append(' ').append(optional ? "[" : "").append(label).append(repeated ? "..." : "")
                    .append(optional ? "]" : "");
        }
        if (!HelpText.children(command).isEmpty()) {
            synopsis.append(' ').append(Troff.italic("COMMAND"));
        }
        line(synopsis.toString());
    }

    private void paragraphs(List<String> paragraphs, String lead) {
        line(Troff.escape(lead));
        for (String paragraph : paragraphs) {
            line(".PP");
            line(Troff.escape(paragraph));
        }
        List<String> footer = List.of(spec.usageMessage().footer());
        if (spec.parent() != null && !footer.isEmpty() && !hasExamples()) {
            for (String paragraph : footer) {
                if (!paragraph.isBlank()) {
                    line(".PP");
                    line(Troff.escape(paragraph.replace("%n", " ").strip()));
                }
            }
        }
    }

    /** A verb's footer headed {@code Examples:} is its examples: command lines and their {@code #} comments. */
    private boolean hasExamples() {
        return spec.usageMessage().footerHeading().contains("Examples:");
    }

    private void examples() {
        if (!hasExamples()) {
            return;
        }
        section("EXAMPLES");
        line(".nf");
        for (String example : spec.usageMessage().footer()) {
            String text = example.replace("%n", "").strip();
            line(text.isEmpty() ? ".sp" : Troff.escape(text));
        }
        line(".fi");
    }

    private void rootNotes() {
        section("CLUSTER INVENTORY");
        line("Verbs that work on a cluster read its inventory from the first of: the " + Troff.bold("--cluster")
                + " option, the " + Troff.bold("BERTH_CLUSTER") + " environment variable, the context named with "
                + Troff.bold("--context") + " or else the current context (see " + Troff.bold("berth-config")
                + "(1)), and " + Troff.italic("./cluster.yaml") + " in the working directory.");
    }

    private void options(String heading, List<OptionSpec> options) {
        List<OptionSpec> visible = options.stream().filter(option -> !option.hidden()).toList();
        if (visible.isEmpty()) {
            return;
        }
        section(heading);
        for (OptionSpec option : visible) {
            line(".TP");
            StringBuilder names = new StringBuilder();
            for (String name : option.names()) {
                names.append(names.length() == 0 ? "" : ", ").append(Troff.bold(name));
            }
            if (option.typeInfo().isBoolean() || option.arity().max() == 0) {
                line(names.toString());
            } else {
                line(names + "=" + Troff.italic(option.paramLabel()));
            }
            line(Troff.escape(HelpText.of(option)));
        }
    }

    private void arguments() {
        List<PositionalParamSpec> positionals = visiblePositionals();
        if (positionals.isEmpty()) {
            return;
        }
        section("ARGUMENTS");
        for (PositionalParamSpec positional : positionals) {
            line(".TP");
            line(Troff.italic(positional.paramLabel()));
            line(Troff.escape(HelpText.of(positional)));
        }
    }

    private void commands() {
        List<CommandLine> children = HelpText.children(command);
        if (children.isEmpty()) {
            return;
        }
        section("COMMANDS");
        for (CommandLine child : children) {
            line(".TP");
            line(Troff.bold(child.getCommandName()));
            line(Troff.escape(HelpText.summary(child.getCommandSpec())) + " See " + Troff.bold(
                    pageName(child.getCommandSpec())) + "(1).");
        }
    }

    private void exitStatus() {
        section("EXIT STATUS");
        for (ExitCode code : ExitCode.values()) {
            line(".TP");
            line(Troff.bold(String.valueOf(code.code())));
            line(Troff.escape(code.meaning()));
        }
    }

    private void files() {
        section("FILES");
        line(".TP");
        line(Troff.italic("~/.config/berth/config.yaml"));
        line("Contexts: named cluster inventories with a default namespace, written by " + Troff.bold("berth config")
                + " with mode 0600. " + Troff.italic("$XDG_CONFIG_HOME/berth/config.yaml") + " when "
                + Troff.bold("XDG_CONFIG_HOME") + " is set.");
        line(".TP");
        line(Troff.italic("./cluster.yaml"));
        line("The cluster inventory used when no option, variable or context names one.");
    }

    private void environment() {
        section("ENVIRONMENT");
        entry("BERTH_CLUSTER", "The cluster inventory file, when " + "--cluster is not given.");
        entry("XDG_CONFIG_HOME", "The directory holding berth/config.yaml instead of ~/.config.");
        entry("XDG_CACHE_HOME", "The directory of the completion scripts' name cache (berth/completion, names only, "
                + "kept a few seconds) instead of ~/.cache.");
        entry("NO_COLOR", "When set to any non-empty value, berth prints no colour, as with --no-color.");
        entry("JAVA_HOME", "The Java runtime (17 or newer) the berth launcher uses; else java on PATH.");
    }

    private void entry(String name, String text) {
        line(".TP");
        line(Troff.bold(name));
        line(Troff.escape(text));
    }

    private void seeAlso() {
        StringBuilder pages = new StringBuilder();
        if (spec.parent() != null) {
            pages.append(Troff.bold(pageName(spec.parent()))).append("(1)");
        }
        for (CommandLine child : HelpText.children(command)) {
            pages.append(pages.length() == 0 ? "" : ", ").append(Troff.bold(pageName(child.getCommandSpec())))
                    .append("(1)");
        }
        if (pages.length() > 0) {
            section("SEE ALSO");
            line(pages.toString());
        }
    }

    private List<PositionalParamSpec> visiblePositionals() {
        return spec.positionalParameters().stream().filter(positional -> !positional.hidden()).toList();
    }

    private void section(String name) {
        line(".SH \"" + name + "\"");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
