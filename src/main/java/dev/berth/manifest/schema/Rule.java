package dev.berth.manifest.schema;

/** A check of one string value: null when the value is fine, otherwise what is wrong with it. */
@FunctionalInterface
public interface Rule {
    String check(String value);

    static Rule oneOf(java.util.List<String> allowed) {
        return value -> allowed.contains(value) ? null
                : "must be one of " + String.join(", ", allowed) + ", got \"" + value + "\"";
    }

    static Rule nonEmpty() {
        return value -> value.isEmpty() ? "must not be empty" : null;
    }
}
