package dev.berth.ssh;

import java.util.List;

/**
 * OpenSSH host pattern lists, as used by known_hosts and ssh_config: comma- or space-separated patterns with
 * {@code *} and {@code ?} wildcards; a pattern starting with {@code !} excludes the host whatever else matches.
 */
final class HostPattern {
    private HostPattern() {
    }

    /** Whether {@code host} matches the list: at least one positive pattern matches and no negated one does. */
    static boolean matchesList(List<String> patterns, String host) {
        boolean matched = false;
        for (String pattern : patterns) {
            if (pattern.startsWith("!")) {
                if (matches(pattern.substring(1), host)) {
                    return false;
                }
            } else if (matches(pattern, host)) {
                matched = true;
            }
        }
        return matched;
    }

    /** One wildcard pattern against one host name, case-insensitively. */
    static boolean matches(String pattern, String host) {
        return matchFrom(pattern.toLowerCase(), 0, host.toLowerCase(), 0);
    }

    private static boolean matchFrom(String pattern, int p, String text, int t) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int skip = t; skip <= text.length(); skip++) {
                    if (matchFrom(pattern, p + 1, text, skip)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length() || (c != '?' && c != text.charAt(t))) {
                return false;
            }
            p++;
            t++;
        }
        return t == text.length();
    }
}
