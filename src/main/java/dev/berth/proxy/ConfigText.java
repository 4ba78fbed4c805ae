package dev.berth.proxy;

/** nginx configuration text, written line by line with four spaces per block level. */
final class ConfigText {
    private final StringBuilder text = new StringBuilder();
    private int depth;

    ConfigText line(String line) {
        text.append("    ".repeat(depth)).append(line).append('\n');
        return this;
    }

    ConfigText blank() {
        text.append('\n');
        return this;
    }

    ConfigText open(String head) {
        line(head + " {");
        depth++;
        return this;
    }

    ConfigText close() {
        depth--;
        line("}");
        return this;
    }

    /** A value as one nginx word, in double quotes, whatever it holds. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A value as one nginx word: as it is when it holds nothing nginx reads specially, else {@link #quote}d. */
    static String word(String value) {
        return value.matches("[A-Za-z0-9/._~!*+,=:@%-]+") ? value : quote(value);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
