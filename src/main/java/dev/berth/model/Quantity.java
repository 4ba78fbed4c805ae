package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity as written ({@code 500m}, {@code 0.5}, {@code 512Mi}, {@code 1e3}),
 * with its exact value. Printed as written, so that output reads like the input.
 */
public record Quantity(String text, BigDecimal value) {
    private static final Pattern FORMAT =
            Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")));

    /** Parses the Kubernetes quantity syntax; empty when the text is not a quantity. */
    public static Optional<Quantity> parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        String suffix = matcher.group(2);
        BigDecimal value;
        if (suffix == null) {
            value = number;
        } else if (suffix.startsWith("e") || suffix.startsWith("E")) {
            int exponent = Integer.parseInt(suffix.substring(1));
            if (Math.abs(exponent) > 30) {
                return Optional.empty();
            }
            value = number.scaleByPowerOfTen(exponent);
        } else {
            value = number.multiply(SUFFIXES.get(suffix));
        }
        return Optional.of(new Quantity(text, value));
    }

    public static Quantity of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a quantity: " + text));
    }

    /** CPU in thousandths of a core, rounded up as Kubernetes does. */
    public long millis() {
        return value.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** Memory or storage in bytes, rounded up. */
    public long bytes() {
        return value.setScale(0, RoundingMode.CEILING).longValueExact();
    }

    @JsonValue
    @Override
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
