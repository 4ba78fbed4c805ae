package dev.berth.model;

import dev.berth.error.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads kubectl's {@code -l} selector syntax: {@code app=web,tier!=db,env in (prod,staging),!legacy,canary}.
 */
public final class SelectorSyntax {
    private static final String KEY = "([A-Za-z0-9][-A-Za-z0-9_./]*)";
    private static final String VALUE = "([-A-Za-z0-9_.]*)";
    private static final Pattern EQUALS = Pattern.compile(KEY + "\\s*==?\\s*" + VALUE);
    private static final Pattern NOT_EQUALS = Pattern.compile(KEY + "\\s*!=\\s*" + VALUE);
    private static final Pattern SET = Pattern.compile(KEY + "\\s+(in|notin)\\s*\\(([^)]*)\\)");
    private static final Pattern EXISTS = Pattern.compile("(!?)" + KEY);

    private SelectorSyntax() {
    }

    public static LabelSelector parse(String text) {
        Map<String, String> equal = new LinkedHashMap<>();
        List<LabelSelector.Requirement> requirements = new ArrayList<>();
        for (String part : split(text)) {
            String term = part.strip();
            Matcher m;
            if ((m = SET.matcher(term)).matches()) {
                List<String> values = Arrays.stream(m.group(3).split(",")).map(String::strip)
                        .filter(v -> !v.isEmpty()).toList();
                requirements.add(new LabelSelector.Requirement(m.group(1),
                        m.group(2).equals("in") ? "In" : "NotIn", values));
            } else if ((m = NOT_EQUALS.matcher(term)).matches()) {
                requirements.add(new LabelSelector.Requirement(m.group(1), "NotIn", List.of(m.group(2))));
            } else if ((m = EQUALS.matcher(term)).matches()) {
                equal.put(m.group(1), m.group(2));
            } else if ((m = EXISTS.matcher(term)).matches()) {
                requirements.add(new LabelSelector.Requirement(m.group(2),
                        m.group(1).isEmpty() ? "Exists" : "DoesNotExist", List.of()));
            } else {
                throw new InvalidInputException("cannot read the label selector \"" + text + "\" at \"" + term
                        + "\": use key=value, key!=value, key in (a,b), key notin (a,b), key or !key, "
                        + "separated by commas");
            }
        }
        return new LabelSelector(equal, requirements);
    }

    /** Splits at commas that are not inside parentheses. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
