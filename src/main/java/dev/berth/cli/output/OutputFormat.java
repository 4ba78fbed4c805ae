package dev.berth.cli.output;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The formats {@code -o} accepts. TABLE is what a person sees when no {@code -o} is given; it has no flag. */
public enum OutputFormat {
    TABLE, WIDE, JSON, YAML, NAME;

    /** The format {@code -o value} names, if any. */
    public static Optional<OutputFormat> named(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return flagged().filter(format -> format.flag().equals(wanted)).findFirst();
    }

    /** The accepted values of {@code -o}, sorted and comma-separated as kubectl lists them. */
    public static String allowed() {
        return flagged().map(OutputFormat::flag).sorted().collect(Collectors.joining(","));
    }

    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static Stream<OutputFormat> flagged() {
        return Arrays.stream(values()).filter(format -> format != TABLE);
    }

    /** Reads {@code -o}: an unknown format is a usage error that lists the allowed ones. */
    public static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return named(value).orElseThrow(() -> new TypeConversionException(
                    "unable to match a printer suitable for the output format \"" + value
                            + "\", allowed formats are: " + allowed()));
        }
    }

    /** The values {@code -o} accepts, for shell completion. */
    public static final class Flags implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return flagged().map(OutputFormat::flag).iterator();
        }
    }
}
