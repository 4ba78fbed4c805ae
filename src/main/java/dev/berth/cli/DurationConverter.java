package dev.berth.cli;

import dev.berth.model.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/**
 * Reads every {@link Duration} option the way manifests write durations ({@link Durations}), plus a bare
 * {@code 0}. Registered once on the command tree, so a verb declares a {@code Duration} field and gets one.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        return Durations.parse(value).orElseThrow(() -> new TypeConversionException(
                "not a duration: \"" + value + "\" (use e.g. 500ms, 30s, 2m, 1h30m)"));
    }
}
