package dev.berth.cli.docs;

/**
 * Escapes text for troff man pages: backslashes, hyphens (as {@code \-}, so options copy and
 * search well), double quotes, characters outside ASCII, and a leading dot or quote that troff
 * would read as a request.
 */
final class Troff {
    private Troff() {
    }

    /** Text for a line of its own or a macro argument. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\e");
                case '-' -> out.append("\\-");
                case '"' -> out.append("\\(dq");
                case '\'' -> out.append("\\(aq");
                case '`' -> out.append("\\(ga");
                case '~' -> out.append("\\(ti");
                case '^' -> out.append("\\(ha");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> {
                    if (c > 0x7e) {
                        out.append(String.format("\\[u%04X]", c));
                    } else if (c >= 0x20) {
                        out.append((char) c);
                    }
                }
            }
        });
        String escaped = out.toString();
        return escaped.startsWith(".") ? "\\&" + escaped : escaped;
    }

    static String bold(String text) {
        return "\\fB" + escape(text) + "\\fR";
    }

    static String italic(String text) {
        return "\\fI" + escape(text) + "\\fR";
    }
}
