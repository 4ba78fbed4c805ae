package dev.berth.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.berth.error.InvalidInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads the text of one {@link JsonPath}, character by character; what it cannot read is a usage error. */
final class JsonPathReader {
    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "<", ">");

    private final String text;
    private int at;

    JsonPathReader(String text) {
        this.text = text;
    }

    JsonPath path() {
        JsonPath path = path(false);
        skipBlanks();
        if (at < text.length()) {
            throw problem("unexpected \"" + text.substring(at) + "\"");
        }
        return path;
    }

    /** A path from {@code at}; in a filter it ends before a blank, an operator or the closing parenthesis. */
    private JsonPath path(boolean inFilter) {
        skipBlanks();
        boolean fromCurrent = !peek('$');
        if (peek('$') || peek('@')) {
            at++;
        }
        List<JsonPath.Step> steps = new ArrayList<>();
        if (at < text.length() && isNameChar(text.charAt(at))) {
            steps.add(new JsonPath.Field(name()));
        }
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '.' && text.startsWith("..", at)) {
                at += 2;
                steps.add(new JsonPath.Descent(peek('*') ? star() : name()));
            } else if (c == '.') {
                at++;
                if (peek('[')) {
                    continue;
                }
                steps.add(peek('*') ? wildcard() : new JsonPath.Field(name()));
            } else if (c == '[') {
                steps.add(bracket());
            } else if (inFilter || Character.isWhitespace(c)) {
                break;
            } else {
                throw problem("unexpected \"" + c + "\"");
            }
        }
        return JsonPath.of(fromCurrent, steps);
    }

    private JsonPath.Step wildcard() {
        at++;
        return new JsonPath.Wildcard();
    }

    private String star() {
        at++;
        return "*";
    }

    private JsonPath.Step bracket() {
        at++;
        skipBlanks();
        JsonPath.Step step;
        if (peek('*')) {
            at++;
            step = new JsonPath.Wildcard();
        } else if (peek('?')) {
            step = filter();
        } else if (peek('\'') || peek('"')) {
            step = new JsonPath.Field(quoted().asText());
        } else {
            step = indexOrSlice();
        }
        skipBlanks();
        expect(']');
        return step;
    }

    private JsonPath.Step filter() {
        at++;
        expect('(');
        JsonPath path = path(true);
        skipBlanks();
        String operator = null;
        JsonNode literal = null;
        for (String candidate : OPERATORS) {
            if (text.startsWith(candidate, at)) {
                operator = candidate;
                at += candidate.length();
                literal = literal();
                break;
            }
        }
        skipBlanks();
        expect(')');
        return new JsonPath.Filter(path, operator, literal);
    }

    private JsonNode literal() {
        skipBlanks();
        if (peek('\'') || peek('"')) {
            return quoted();
        }
        int start = at;
        while (at < text.length() && ")] \t".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String word = text.substring(start, at);
        return switch (word) {
            case "true" -> BooleanNode.TRUE;
            case "false" -> BooleanNode.FALSE;
            case "null" -> NullNode.instance;
            default -> {
                try {
                    yield DecimalNode.valueOf(new BigDecimal(word));
                } catch (NumberFormatException e) {
                    throw problem("a filter compares with a quoted string, a number, true, false or null, not \""
                            + word + "\"");
                }
            }
        };
    }

    private JsonPath.Step indexOrSlice() {
        Integer from = integer();
        if (!peek(':')) {
            if (from == null) {
                throw problem("expected an index, *, a quoted key or a filter after [");
            }
            return new JsonPath.Index(from);
        }
        at++;
        Integer to = integer();
        if (peek(':')) {
            at++;
            Integer stride = integer();
            if (stride != null && stride != 1) {
                throw problem("a slice's step must be 1");
            }
        }
        return new JsonPath.Slice(from, to);
    }

    private Integer integer() {
        skipBlanks();
        int start = at;
        if (peek('-')) {
            at++;
        }
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        String digits = text.substring(start, at);
        skipBlanks();
        return digits.isEmpty() || digits.equals("-") ? null : Integer.valueOf(digits);
    }

    private TextNode quoted() {
        char quote = text.charAt(at++);
        StringBuilder value = new StringBuilder();
        while (at < text.length() && text.charAt(at) != quote) {
            char c = text.charAt(at++);
            if (c == '\\' && at < text.length()) {
                value.append(text.charAt(at++));
            } else {
                value.append(c);
            }
        }
        expect(quote);
        return TextNode.valueOf(value.toString());
    }

    private String name() {
        int start = at;
        while (at < text.length() && isNameChar(text.charAt(at))) {
            at++;
        }
        if (start == at) {
            throw problem("expected a key");
        }
        return text.substring(start, at);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '/';
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw problem("expected \"" + c + "\"");
        }
        at++;
    }

    private void skipBlanks() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private InvalidInputException problem(String what) {
        return new InvalidInputException("cannot read the jsonpath \"" + text + "\" at column " + (at + 1) + ": "
                + what);
    }
}
