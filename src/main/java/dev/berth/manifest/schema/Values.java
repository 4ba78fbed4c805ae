package dev.berth.manifest.schema;

import dev.berth.manifest.Problems;
import dev.berth.manifest.yaml.Node;
import dev.berth.manifest.yaml.ScalarNode;
import dev.berth.model.IntOrString;
import dev.berth.model.Quantity;
import dev.berth.model.Secret;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** Reads single values from nodes, recording what is wrong. */
final class Values {
    private static final Pattern PERCENT = Pattern.compile("[0-9]{1,3}%");
    private static final Pattern DECIMAL_BYTES = Pattern.compile("([0-9.]+)([KMGTPE])B");

    private Values() {
    }

    static String string(Node node, String path, Problems problems, Rule... rules) {
        if (!(node instanceof ScalarNode scalar) || scalar.isNull()) {
            problems.error(node.position(), path, "must be a string, got " + node.describe());
            return null;
        }
        if (scalar.type() != ScalarNode.Type.STRING) {
            problems.error(node.position(), path, "must be a string, got " + node.describe()
                    + " (quote it: \"" + scalar.text() + "\")");
            return null;
        }
        for (Rule rule : rules) {
            String problem = rule.check(scalar.text());
            if (problem != null) {
                problems.error(node.position(), path, problem);
                return null;
            }
        }
        return scalar.text();
    }

    /** Like {@link #string}, but no problem shows the value: it may be a Secret's. */
    static String secretString(Node node, String path, Problems problems, Rule... rules) {
        if (!(node instanceof ScalarNode scalar) || scalar.isNull() || scalar.type() != ScalarNode.Type.STRING) {
            problems.error(node.position(), path, "must be a string, got " + kindOf(node)
                    + (node instanceof ScalarNode scalar && !scalar.isNull() ? " (value not shown; quote it)" : ""));
            return null;
        }
        for (Rule rule : rules) {
            String problem = rule.check(scalar.text());
            if (problem != null) {
                boolean shown = !scalar.text().isEmpty() && !scalar.text().equals(Secret.REDACTED);
                problems.error(node.position(), path, shown ? problem.replace(scalar.text(), "<value not shown>")
                        : problem);
                return null;
            }
        }
        return scalar.text();
    }

    /** What a node is, without its value: {@code an integer}, {@code a list}, ... */
    static String kindOf(Node node) {
        if (node instanceof ScalarNode scalar) {
            return switch (scalar.type()) {
                case STRING -> "a string";
                case INTEGER -> "an integer";
                case FLOAT -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
            };
        }
        return node.describe();
    }

    static Integer integer(Node node, String path, long min, long max, Problems problems) {
        if (!(node instanceof ScalarNode scalar) || scalar.type() != ScalarNode.Type.INTEGER) {
            problems.error(node.position(), path, "must be an integer, got " + node.describe());
            return null;
        }
        BigInteger value;
        try {
            value = yamlInteger(scalar.text());
        } catch (NumberFormatException e) {
            problems.error(node.position(), path, "must be a decimal integer, got " + scalar.text());
            return null;
        }
        if (!Fields.fits(value, min, max)) {
            problems.error(node.position(), path, range(min, max) + ", got " + scalar.text());
            return null;
        }
        return value.intValueExact();
    }

    /** YAML 1.1 integers as Kubernetes reads them: {@code 0400} and {@code 0o400} are octal, {@code 0x1f} hex. */
    static BigInteger yamlInteger(String text) {
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        if (negative || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        BigInteger value;
        if (digits.startsWith("0x")) {
            value = new BigInteger(digits.substring(2), 16);
        } else if (digits.startsWith("0o")) {
            value = new BigInteger(digits.substring(2), 8);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            value = new BigInteger(digits.substring(1), 8);
        } else {
            value = new BigInteger(digits);
        }
        return negative ? value.negate() : value;
    }

    private static String range(long min, long max) {
        if (max >= Integer.MAX_VALUE) {
            return "must be >= " + min;
        }
        return "must be " + min + "-" + max;
    }

    static IntOrString port(Node node, String path, Rule nameRule, Problems problems) {
        if (node instanceof ScalarNode scalar && scalar.type() == ScalarNode.Type.STRING) {
            String name = string(node, path, problems, nameRule);
            return name == null ? null : IntOrString.of(name);
        }
        Integer number = integer(node, path, 1, 65535, problems);
        return number == null ? null : IntOrString.of(number);
    }

    static IntOrString countOrPercent(Node node, String path, Problems problems) {
        if (node instanceof ScalarNode scalar && scalar.type() == ScalarNode.Type.STRING) {
            if (!PERCENT.matcher(scalar.text()).matches()
                    || Integer.parseInt(scalar.text().substring(0, scalar.text().length() - 1)) > 100) {
                problems.error(node.position(), path,
                        "must be a number or a percentage such as 25%, got \"" + scalar.text() + "\"");
                return null;
            }
            return IntOrString.of(scalar.text());
        }
        Integer number = integer(node, path, 0, Integer.MAX_VALUE, problems);
        return number == null ? null : IntOrString.of(number);
    }

    static Quantity quantity(Node node, String path, Problems problems) {
        if (!(node instanceof ScalarNode scalar) || scalar.isNull() || scalar.type() == ScalarNode.Type.BOOLEAN) {
            problems.error(node.position(), path, "must be a quantity such as 500m, 2 or 512Mi, got " + node.describe());
            return null;
        }
        String text = scalar.text();
        Quantity quantity = Quantity.parse(text).orElse(null);
        if (quantity == null) {
            problems.error(node.position(), path, "invalid quantity \"" + text + "\"" + hint(text));
            return null;
        }
        if (quantity.value().signum() < 0) {
            problems.error(node.position(), path, "must not be negative, got " + text);
            return null;
        }
        if (quantity.value().compareTo(new java.math.BigDecimal("1e18")) > 0) {
            problems.error(node.position(), path, "is too large, got " + text);
            return null;
        }
        return quantity;
    }

    private static String hint(String text) {
        var bytes = DECIMAL_BYTES.matcher(text);
        if (bytes.matches()) {
            return "; did you mean \"" + bytes.group(1) + bytes.group(2) + "i\" (binary) or \""
                    + bytes.group(1) + bytes.group(2) + "\" (decimal)?";
        }
        return "; write cpu as 500m, 0.5 or 2 and memory as 512Mi or 1G";
    }
}
