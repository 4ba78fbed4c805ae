package dev.berth.cli.output;

import dev.berth.error.InvalidInputException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The formats {@code -o} accepts. TABLE is what a person sees when no {@code -o} is given; it has no flag.
 * JSONPATH and CUSTOM_COLUMNS take a template after {@code =}, as in {@code -o jsonpath={.metadata.name}}.
 */
public enum OutputFormat {
    TABLE, WIDE, JSON, YAML, NAME, JSONPATH, CUSTOM_COLUMNS;

    /** The format {@code -o value} names, if any. */
    public static Optional<OutputFormat> named(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return flagged().filter(format -> format.flag().equals(wanted)).findFirst();
    }

    /** Whether the format needs a template after {@code =}. */
    public boolean templated() {
        return this == JSONPATH || this == CUSTOM_COLUMNS;
    }

    /** The accepted values of {@code -o}, sorted and comma-separated as kubectl lists them. */
    public static String allowed() {
        return flagged().map(OutputFormat::flag).sorted().collect(Collectors.joining(","));
    }

    public String flag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Stream<OutputFormat> flagged() {
        return Arrays.stream(values()).filter(format -> format != TABLE);
    }

    /**
     * Reads {@code -o}: an unknown format is a usage error that lists the allowed ones; a template is read at once,
     * so that a bad one fails before any server is asked.
     */
    public static final class Converter implements ITypeConverter<OutputChoice> {
        @Override
        public OutputChoice convert(String value) {
            int equals = value.indexOf('=');
            String flag = equals < 0 ? value : value.substring(0, equals);
            OutputFormat format = named(flag).orElseThrow(() -> new TypeConversionException(
                    "unable to match a printer suitable for the output format \"" + value
                            + "\", allowed formats are: " + allowed()));
            if (!format.templated()) {
                if (equals >= 0) {
                    throw new TypeConversionException("the output format " + format.flag() + " takes no template");
                }
                return new OutputChoice(format, null);
            }
            if (equals < 0 || value.substring(equals + 1).isBlank()) {
                throw new TypeConversionException("template format specified but no template given: use -o "
                        + format.flag() + "=" + (format == JSONPATH ? "'{.metadata.name}'" : "NAME:.metadata.name"));
            }
            try {
                return OutputChoice.of(format, value.substring(equals + 1));
            } catch (InvalidInputException e) {
                throw new TypeConversionException(e.getMessage());
            }
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
