package dev.berth.model;

import java.util.regex.Pattern;

/** Whether text is an IP address written out (IPv4 dotted quad or IPv6), not a host name to resolve. */
public final class IpLiteral {
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final Pattern IPV6_GROUPS = Pattern.compile("[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{1,4})*");

    private IpLiteral() {
    }

    public static boolean is(String text) {
        return text != null && (IPV4.matcher(text).matches() || ipv6(text));
    }

    private static boolean ipv6(String text) {
        if (!text.contains(":") || text.indexOf("::") != text.lastIndexOf("::")) {
            return false;
        }
        int gap = text.indexOf("::");
        if (gap < 0) {
            return groups(text) == 8;
        }
        String before = text.substring(0, gap);
        String after = text.substring(gap + 2);
        int left = before.isEmpty() ? 0 : groups(before);
        int right = after.isEmpty() ? 0 : groups(after);
        return left >= 0 && right >= 0 && left + right <= 7;
    }

    /** How many hex groups {@code part} holds, or -1 when it is not a colon-separated list of them. */
    private static int groups(String part) {
        return IPV6_GROUPS.matcher(part).matches() ? part.split(":").length : -1;
    }
}
