package dev.berth.cli;

import java.util.Optional;
import java.util.Set;

/**
 * The word of a command line that picocli will take for the verb: the first that is neither an option nor the
 * value of a global option before it ({@code berth --context lab -n web get pods} names {@code get}). A help or
 * version option before any verb, or {@code --}, names none: those need the whole command tree.
 */
final class VerbWord {
    /** The global options that take a value as the next word when not written {@code --option=value}. */
    private static final Set<String> WITH_VALUE = Set.of("--cluster", "--context", "-n", "--namespace", "-o",
            "--output");
    /** The root's own options, answered from the whole tree. */
    private static final Set<String> ROOT_ONLY = Set.of("-h", "--help", "-V", "--version");
    /** {@code -v} takes the next word as its level when it is a number ({@code -v 6}). */
    private static final Set<String> LEVEL = Set.of("-v", "--v", "--verbose");

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
}
