package dev.berth.state;

/**
 * Who runs berth: shown as the lock's holder and the record's writer, e.g.
 * {@code deploy@laptop (berth apply, pid 4242)}. Line breaks and other control characters become {@code ?}, so a
 * value always stays one line of the lease file.
 *
 * @param who     {@code user@host} of the machine that runs berth
 * @param command what runs, e.g. {@code berth apply}
 * @param pid     the process id of the run
 */
public record Holder(String who, String command, long pid) {

    public Holder {
        who = oneLine(who);
        command = oneLine(command);
    }

    @Override
    public String toString() {
        return who + " (" + command + ", pid " + pid + ")";
    }

    private static String oneLine(String value) {
        StringBuilder clean = new StringBuilder();
        (value == null ? "" : value).codePoints()
                .forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }
}
