package dev.berth.docker;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the human sizes docker prints ({@code 736KiB}, {@code 23.54GiB}, {@code 1.5MB}, {@code 0B}). */
final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]*)");
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("b", 1L),
            Map.entry("kib", 1L << 10), Map.entry("mib", 1L << 20), Map.entry("gib", 1L << 30),
            Map.entry("tib", 1L << 40), Map.entry("pib", 1L << 50),
            Map.entry("kb", 1_000L), Map.entry("mb", 1_000_000L), Map.entry("gb", 1_000_000_000L),
            Map.entry("tb", 1_000_000_000_000L), Map.entry("pb", 1_000_000_000_000_000L));

    private ByteSize() {
    }

    static long parse(String text) {
        Matcher matcher = SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a size: \"" + text + "\"");
        }
        Long unit = UNITS.get(matcher.group(2).toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw new IllegalArgumentException("unknown size unit in \"" + text + "\"");
        }
        return Math.round(Double.parseDouble(matcher.group(1)) * unit);
    }
}
