package dev.berth.cli.output;

import dev.berth.error.InvalidInputException;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats {@code -o} accepts. TABLE is what a person sees when no {@code -o} is given. */
public enum OutputFormat {
    TABLE, WIDE, JSON, YAML, NAME;

    /** Parses the value of {@code -o}; {@code null} means the default table. */
    public static OutputFormat parse(String value) {
        if (value == null) {
            return TABLE;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(format -> format != TABLE && format.flag().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "unknown output format \"" + value + "\": use one of " + allowed()));
    }

    public static String allowed() {
        return Arrays.stream(values()).filter(f -> f != TABLE).map(OutputFormat::flag)
                .collect(Collectors.joining(", "));
    }

    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The values {@code -o} accepts, for shell completion. */
    public static final class Flags implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).filter(f -> f != TABLE).map(OutputFormat::flag).iterator();
        }
    }
}
