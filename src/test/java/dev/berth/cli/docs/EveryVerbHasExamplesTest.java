package dev.berth.cli.docs;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every command below the root shows kubectl-style examples in its {@code --help} and man page, and every
 * example is a command line berth takes: its verbs exist, its flags are options of the command it runs (or
 * global ones), and picocli parses it.
 */
class EveryVerbHasExamplesTest {
    /** The width of {@code --help}: a longer footer line would be wrapped mid-command. */
    private static final int HELP_WIDTH = 80;
    private static final String COMMENT = "  # ";
    private static final String EXAMPLE = "  berth ";
    /** Words from which on a line is the shell's, not berth's: {@code berth validate -f - < web.yaml}. */
    private static final Set<String> SHELL_OPERATORS = Set.of("|", "<", ">", ";", "&&", "||");

    private static final CommandLine PARSER = ReferenceGenerator.commandTree();

    private final List<CommandLine> commands = HelpText.walk(ReferenceGenerator.commandTree());

    @Test
    void everyCommandBelowTheRootHasAnExamplesFooter() {
        List<CommandLine> verbs = commands.subList(1, commands.size());
        assertThat(verbs).hasSizeGreaterThan(30);
        for (CommandLine verb : verbs) {
            CommandSpec spec = verb.getCommandSpec();
            assertThat(spec.usageMessage().footerHeading()).as(spec.qualifiedName()).isEqualTo("%nExamples:%n");
            assertThat(examples(spec)).as(spec.qualifiedName()).isNotEmpty();
        }
    }

    @Test
    void theRootKeepsItsFilesFooter() {
        assertThat(commands.get(0).getCommandSpec().usageMessage().footerHeading()).isEqualTo("%nFiles:%n");
    }

    @Test
    void everyFooterIsCommentedExampleLinesSeparatedByBlankLines() {
        for (CommandLine verb : commands.subList(1, commands.size())) {
            CommandSpec spec = verb.getCommandSpec();
            List<String> lines = List.of(spec.usageMessage().footer());
            assertThat(lines.get(0)).as(spec.qualifiedName()).startsWith(COMMENT);
            assertThat(lines.get(lines.size() - 1)).as(spec.qualifiedName()).startsWith(EXAMPLE);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                assertThat(line.length()).as(spec.qualifiedName() + ": " + line).isLessThanOrEqualTo(HELP_WIDTH);
                if (line.isEmpty()) {
                    assertThat(lines.get(i + 1)).as(spec.qualifiedName() + ": a blank line starts an example")
                            .startsWith(COMMENT);
                } else if (line.startsWith(COMMENT)) {
                    assertThat(lines.get(i + 1)).as(spec.qualifiedName() + ": " + line + " is followed by a command")
                            .startsWith(EXAMPLE);
                } else {
                    assertThat(line).as(spec.qualifiedName()).startsWith(EXAMPLE);
                }
            }
        }
    }

    @Test
    void everyFlagOfAnExampleIsAnOptionOfTheCommandItRuns() {
        for (CommandLine verb : commands.subList(1, commands.size())) {
            for (String example : examples(verb.getCommandSpec())) {
                CommandLine command = commands.get(0);
                boolean value = false;
                for (String word : words(example).subList(1, words(example).size())) {
                    if (word.equals("--")) {
                        break; // what follows is the command berth runs (exec), not berth's
                    }
                    if (value) {
                        value = false;
                    } else if (word.startsWith("-") && word.length() > 1) {
                        String flag = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                        if (flag.matches("-[a-zA-Z]{2,}") && command.getCommandSpec().findOption(flag) == null) {
                            flag = flag.substring(0, 2); // -it: clustered short options, each checked alike
                            for (char clustered : word.substring(2).toCharArray()) {
                                assertThat(command.getCommandSpec().findOption("-" + clustered))
                                        .as(example + ": -" + clustered).isNotNull();
                            }
                        }
                        OptionSpec option = command.getCommandSpec().findOption(flag);
                        assertThat(option).as(example + ": " + flag + " is no option of "
                                + command.getCommandSpec().qualifiedName()).isNotNull();
                        value = !word.contains("=") && option.arity().min() > 0;
                    } else if (command.getSubcommands().containsKey(word)) {
                        command = command.getSubcommands().get(word);
                    }
                }
            }
        }
    }

    @Test
    void everyExampleParses() {
        for (CommandLine verb : commands.subList(1, commands.size())) {
            examples(verb.getCommandSpec()).forEach(EveryVerbHasExamplesTest::parse);
        }
    }

    @Test
    void aVerbsExamplesRunThatVerbOrOneOfItsSubcommands() {
        for (CommandLine verb : commands.subList(1, commands.size())) {
            String name = verb.getCommandSpec().qualifiedName();
            List<String> ran = examples(verb.getCommandSpec()).stream()
                    .map(example -> parse(example).qualifiedName()).toList();
            assertThat(ran).as(name).anyMatch(command -> command.equals(name) || command.startsWith(name + " "));
        }
    }

    @Test
    void theExamplesShowGlobalOptionsBeforeTheVerb() {
        List<String> before = commands.stream().flatMap(verb -> examples(verb.getCommandSpec()).stream())
                .filter(example -> words(example).get(1).startsWith("-")).toList();
        assertThat(before).anyMatch(example -> example.startsWith("berth --context "))
                .anyMatch(example -> example.startsWith("berth -v=6 "));
    }

    /** The command lines of a command's footer, without their indentation. */
    private static List<String> examples(CommandSpec spec) {
        return List.of(spec.usageMessage().footer()).stream().filter(line -> line.startsWith(EXAMPLE))
                .map(String::strip).toList();
    }

    /** What picocli makes of an example: the command it runs. picocli resets a tree's options at every parse. */
    private static CommandSpec parse(String example) {
        List<String> args = words(example).subList(1, words(example).size());
        ParseResult[] result = new ParseResult[1];
        assertThatCode(() -> result[0] = PARSER.parseArgs(args.toArray(String[]::new))).as(example)
                .doesNotThrowAnyException();
        ParseResult deepest = result[0];
        while (deepest.hasSubcommand()) {
            deepest = deepest.subcommand();
        }
        return deepest.commandSpec();
    }

    /** The words a shell passes to berth: split at blanks, quotes removed, up to the first shell operator. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        int operator = 0;
        while (operator < words.size() && !SHELL_OPERATORS.contains(words.get(operator))) {
            operator++;
        }
        return List.copyOf(words.subList(0, operator));
    }
}
