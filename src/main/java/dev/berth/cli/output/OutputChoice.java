package dev.berth.cli.output;

/**
 * What {@code -o} asked for: a format and, for {@code jsonpath=} and {@code custom-columns=}, its template
 * (null for the other formats).
 */
public record OutputChoice(OutputFormat format, String template) {
    public static final OutputChoice TABLE = new OutputChoice(OutputFormat.TABLE, null);

    /** A templated format whose template was checked: one that does not read is a usage error. */
    public static OutputChoice of(OutputFormat format, String template) {
        if (format == OutputFormat.JSONPATH) {
            JsonPathTemplate.parse(template);
        } else if (format == OutputFormat.CUSTOM_COLUMNS) {
            CustomColumns.parse(template);
        }
        return new OutputChoice(format, template);
    }
}
