package dev.berth.bench.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line the way a POSIX shell does for the simple commands the fleet answers:
 * single quotes, double quotes, backslashes, and the operators {@code ; && || |} and newline,
 * which come back as separate tokens. Expansions are not performed.
 */
final class ShellWords {
    static final List<String> OPERATORS = List.of(";", "&&", "||", "|", "\n");

    private ShellWords() {
    }

    /** An unquoted operator comes back as its text; {@link Token#operator()} tells. */
    record Token(String text, boolean operator) {
    }

    static List<Token> split(String line) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated quoted string");
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                if (line.charAt(i + 1) != '\n') {
                    word.append(line.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
            } else if (c == ' ' || c == '\t' || isOperatorStart(c)) {
                if (inWord) {
                    tokens.add(new Token(word.toString(), false));
                    word.setLength(0);
                    inWord = false;
                }
                if (isOperatorStart(c)) {
                    String operator = (c == '&' || c == '|') && i + 1 < line.length() && line.charAt(i + 1) == c
                            ? "" + c + c : String.valueOf(c);
                    if (operator.equals("&")) {
                        throw new IllegalArgumentException("background jobs are not simulated");
                    }
                    tokens.add(new Token(operator, true));
                    i += operator.length();
                } else {
                    i++;
                }
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            tokens.add(new Token(word.toString(), false));
        }
        return tokens;
    }

    private static boolean isOperatorStart(char c) {
        return c == ';' || c == '&' || c == '|' || c == '\n';
    }

    private static int doubleQuoted(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "$`\"\\\n".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated quoted string");
    }
}
