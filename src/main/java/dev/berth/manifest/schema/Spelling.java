package dev.berth.manifest.schema;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Suggests the name a user probably meant, by edit distance. */
public final class Spelling {
    private Spelling() {
    }

    /** The candidate within a small edit distance of the word (case ignored), or null. */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        return bestDistance <= allowed ? best : null;
    }

    /**
     * kubectl's suggestions for a mistyped command: every candidate within two edits of the word, or that starts
     * with it, in the order given.
     */
    public static List<String> near(String word, Collection<String> candidates) {
        String typed = word.toLowerCase(Locale.ROOT);
        return candidates.stream().filter(candidate -> {
            String lower = candidate.toLowerCase(Locale.ROOT);
            return distance(typed, lower) <= 2 || lower.startsWith(typed);
        }).toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
