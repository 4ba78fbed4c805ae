package dev.berth.state;

import java.util.List;

/**
 * The fixed remote commands of the lease lock on one state node. The lease is the file {@code lock} in berth's
 * directory: {@code key=value} lines (token, holder, command, pid, acquired, expires), times in seconds of the
 * node's own clock. Acquire, renew and release change it only while holding {@code lock.mutex}, a directory
 * whose creation is atomic ({@link StateScripts#mutex}: one whose script is gone is broken). Each script
 * prints a first line that says what happened, then the lease as it stands.
 */
final class LockScripts {
    private static final String PREPARE = StateScripts.DIRECTORY
            + "umask 077; mkdir -p \"$d\" && chmod 700 \"$d\" || exit 1; f=\"$d/lock\"; ";

    private static final String SECONDS_IN_3 = "case $3 in ''|*[!0-9]*) echo \"bad lease\" >&2; exit 2 ;; esac; ";

    private static final String CURRENT = "t=; e=; if [ -f \"$f\" ]; then "
            + "t=$(sed -n 's/^token=//p' \"$f\"); e=$(sed -n 's/^expires=//p' \"$f\"); fi; "
            + "case $e in ''|*[!0-9]*) e=0 ;; esac; ";

    /** $2 token, $3 lease seconds, $4 holder, $5 command, $6 pid: {@code acquired NOW} or {@code held NOW}. */
    static final String ACQUIRE = PREPARE + SECONDS_IN_3 + StateScripts.mutex("lock.mutex") + "now=$(date +%s); " + CURRENT
            + "if [ -f \"$f\" ] && [ \"$t\" != \"$2\" ] && [ \"$now\" -lt \"$e\" ]; then "
            + "echo \"held $now\"; cat \"$f\"; exit 0; fi; "
            + "printf 'token=%s\\nholder=%s\\ncommand=%s\\npid=%s\\nacquired=%s\\nexpires=%s\\n' "
            + "\"$2\" \"$4\" \"$5\" \"$6\" \"$now\" \"$((now + $3))\" > \"$f.tmp\" && mv -f \"$f.tmp\" \"$f\" || exit 1; "
            + "echo \"acquired $now\"; cat \"$f\"";

    /** $2 token, $3 lease seconds: {@code renewed NOW}, or {@code lost NOW} when the lease is not ours. */
    static final String RENEW = PREPARE + SECONDS_IN_3 + StateScripts.mutex("lock.mutex") + "now=$(date +%s); " + CURRENT
            + "if [ ! -f \"$f\" ] || [ \"$t\" != \"$2\" ]; then echo \"lost $now\"; "
            + "if [ -f \"$f\" ]; then cat \"$f\"; fi; exit 0; fi; "
            + "sed \"s/^expires=.*/expires=$((now + $3))/\" \"$f\" > \"$f.tmp\" && mv -f \"$f.tmp\" \"$f\" || exit 1; "
            + "echo \"renewed $now\"; cat \"$f\"";

    /**
     * $2 token, or empty to release whoever holds it: {@code released NOW} with the lease removed,
     * {@code free NOW} when there was none, {@code other NOW} with the lease of another holder, left in place.
     */
    static final String RELEASE = PREPARE + StateScripts.mutex("lock.mutex") + "now=$(date +%s); " + CURRENT
            + "if [ ! -f \"$f\" ]; then echo \"free $now\"; exit 0; fi; "
            + "if [ -n \"$2\" ] && [ \"$t\" != \"$2\" ]; then echo \"other $now\"; cat \"$f\"; exit 0; fi; "
            + "echo \"released $now\"; cat \"$f\"; rm -f \"$f\"";

    /** {@code free NOW} or {@code lease NOW} with the lease, expired or not. */
    static final String STATUS = StateScripts.DIRECTORY + "f=\"$d/lock\"; now=$(date +%s); "
            + "if [ -f \"$f\" ]; then echo \"lease $now\"; exec cat \"$f\"; fi; echo \"free $now\"";

    private LockScripts() {
    }

    static List<String> acquire(String directory, String token, long leaseSeconds, Holder holder) {
        return List.of("sh", "-c", ACQUIRE, "berth-lock-acquire", directory, token, Long.toString(leaseSeconds),
                holder.who(), holder.command(), Long.toString(holder.pid()));
    }

    static List<String> renew(String directory, String token, long leaseSeconds) {
        return List.of("sh", "-c", RENEW, "berth-lock-renew", directory, token, Long.toString(leaseSeconds));
    }

    /** Releases the lease held with {@code token}, or any lease when {@code token} is empty. */
    static List<String> release(String directory, String token) {
        return List.of("sh", "-c", RELEASE, "berth-lock-release", directory, token);
    }

    static List<String> status(String directory) {
        return List.of("sh", "-c", STATUS, "berth-lock-status", directory);
    }
}
