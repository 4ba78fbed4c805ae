package dev.berth.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a lock script printed on one node: a verdict ({@code acquired}, {@code held}, {@code renewed},
 * {@code lost}, {@code released}, {@code other}, {@code free}, {@code lease}), the node's clock, and the
 * lease as it stands there.
 */
record LeaseAnswer(String verdict, long nodeNow, Optional<LeaseInfo> lease) {

    /** Parses the script's output; a malformed line or lease field is an {@link IllegalArgumentException}. */
    static LeaseAnswer parse(String output) {
        String[] lines = output.split("\n");
        String[] first = lines[0].strip().split(" ");
        if (first.length != 2 || !first[1].matches("[0-9]+")) {
            throw new IllegalArgumentException("unexpected answer from the lock script: " + lines[0]);
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int equals = lines[i].indexOf('=');
            if (equals > 0) {
                fields.put(lines[i].substring(0, equals), lines[i].substring(equals + 1));
            }
        }
        Optional<LeaseInfo> lease = fields.isEmpty() ? Optional.empty() : Optional.of(new LeaseInfo(
                fields.getOrDefault("token", ""),
                new Holder(fields.getOrDefault("holder", "?"), fields.getOrDefault("command", "?"),
                        number(fields, "pid")),
                number(fields, "acquired"), number(fields, "expires")));
        return new LeaseAnswer(first[0], Long.parseLong(first[1]), lease);
    }

    private static long number(Map<String, String> fields, String key) {
        String value = fields.getOrDefault(key, "0");
        return value.matches("[0-9]{1,18}") ? Long.parseLong(value) : 0;
    }
}
