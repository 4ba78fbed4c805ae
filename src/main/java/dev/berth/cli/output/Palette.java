package dev.berth.cli.output;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The little colour berth shows, only where it helps a person read: status words in tables and the {@code +} and
 * {@code -} lines of a plan. {@link #PLAIN}, what every run gets unless stdout is a terminal and neither
 * {@code NO_COLOR} nor {@code --no-color} is set, leaves text as it is.
 */
public final class Palette {
    public static final Palette PLAIN = new Palette(false);
    public static final Palette ANSI = new Palette(true);

    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String RED = "\u001B[31m";
    private static final String RESET = "\u001B[0m";
    private static final Pattern ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");

    private static final Set<String> WORKING = Set.of("Ready", "Running", "Completed");
    private static final Set<String> WAITING = Set.of("Pending", "Terminating", "SchedulingDisabled");
    private static final Set<String> FAILING = Set.of("NotReady", "Unreachable", "Error", "CrashLoopBackOff",
            "Unknown", "Partitioned", "Stopped");

    private final boolean colour;

    private Palette(boolean colour) {
        this.colour = colour;
    }

    public static Palette of(boolean colour) {
        return colour ? ANSI : PLAIN;
    }

    public String green(String text) {
        return paint(GREEN, text);
    }

    public String yellow(String text) {
        return paint(YELLOW, text);
    }

    public String red(String text) {
        return paint(RED, text);
    }

    /**
     * A status cell, e.g. {@code Running} or {@code Ready,SchedulingDisabled}: each word green when it means
     * working, yellow when waiting, red when failing; words of no known meaning stay plain.
     */
    public String status(String cell) {
        if (!colour) {
            return cell;
        }
        StringBuilder out = new StringBuilder();
        for (String word : cell.split(",", -1)) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(WORKING.contains(word) ? green(word)
                    : WAITING.contains(word) ? yellow(word)
                    : FAILING.contains(word) ? red(word)
                    : word);
        }
        return out.toString();
    }

    /** How many columns {@code text} takes on a terminal: its length without colour escapes. */
    public static int width(String text) {
        return text.indexOf('\u001B') < 0 ? text.length() : ESCAPE.matcher(text).replaceAll("").length();
    }

    private String paint(String code, String text) {
        return colour && !text.isEmpty() ? code + text + RESET : text;
    }
}
