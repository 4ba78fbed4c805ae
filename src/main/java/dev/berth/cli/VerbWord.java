package dev.berth.cli;

import picocli.CommandLine.Option;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The word of a command line that picocli will take for the verb: the first that is neither an option nor the
 * value of a global option before it ({@code berth --context lab -n web get pods} names {@code get}). A help or
 * version option before any verb, or {@code --}, names none: those need the whole command tree.
 */
final class VerbWord {
    /** The root's own options, answered from the whole tree. */
    private static final Set<String> ROOT_ONLY = Set.of("-h", "--help", "-V", "--version");
    /** The global options that take the next word as their value when not written {@code --option=value}. */
    private static final Set<String> WITH_VALUE = names(option -> !option.arity().equals("0"));
    /** {@code -v} takes the next word as its level only when it is a number ({@code -v 6}). */
    private static final Set<String> LEVEL = names(option -> option.parameterConsumer() == GlobalOptions.Level.class);

    private VerbWord() {
    }

    static Optional<String> of(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String word = args[i];
            if (word.equals("--") || ROOT_ONLY.contains(word)) {
                return Optional.empty();
            }
            if (WITH_VALUE.contains(word)) {
                i++;
            } else if (LEVEL.contains(word)) {
                if (i + 1 < args.length && args[i + 1].matches("\\d{1,2}")) {
                    i++;
                }
            } else if (!word.startsWith("-") || word.equals("-")) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    /** The names of {@link GlobalOptions}' options that {@code which} selects, read from their declarations. */
    private static Set<String> names(Predicate<Option> which) {
        Set<String> names = new HashSet<>();
        for (Field field : GlobalOptions.class.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option != null && which.test(option) && field.getType() != boolean.class) {
                names.addAll(Arrays.asList(option.names()));
            }
        }
        return Set.copyOf(names);
    }
}
