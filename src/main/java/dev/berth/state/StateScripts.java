package dev.berth.state;

import java.util.List;

/**
 * The fixed remote commands that read and write a node's copy of the record. Every value reaches a script as a
 * positional parameter ({@code sh -c SCRIPT NAME ARG...}), never as script text; the transport quotes the words.
 * The first parameter is berth's directory on the node: relative paths are taken from the SSH user's home.
 */
final class StateScripts {
    /** berth's directory on a node, relative to the SSH user's home. */
    static final String DEFAULT_DIRECTORY = ".berth";

    /** Sets {@code d} to berth's directory on the node, from the first parameter. */
    static final String DIRECTORY = "case $1 in /*) d=$1 ;; *) d=$HOME/$1 ;; esac; ";

    static final String READ = readScript("record.json");

    /** Reads the events document, {@code state/events.json}; nothing when the node has none. */
    static final String READ_EVENTS = readScript("events.json");

    /**
     * Writes standard input as the record unless the node holds a newer generation than {@code $2}, the one the
     * write was based on. Prints {@code written}, or {@code refused N} with the node's generation.
     */
    static final String WRITE = writeScript("record.json", "state/write.mutex");

    /** Writes standard input as the events document, as {@link #WRITE} writes the record. */
    static final String WRITE_EVENTS = writeScript("events.json", "state/events.mutex");

    private StateScripts() {
    }

    /**
     * Waits for the directory {@code $d/NAME}, whose creation is atomic, and removes it when the script ends, also
     * when a signal ends it (the connection of a killed berth closing its pipes): the changes of two scripts on one
     * node never interleave. The directory holds the script's process id, so a waiter breaks at once a mutex whose
     * script is gone (killed with SIGKILL); one older than a minute is broken too. After about five seconds of
     * waiting for a live one the script gives up.
     */
    static String mutex(String name) {
        return "m=\"$d/" + name + "\"; n=0; "
                + "until mkdir \"$m\" 2>/dev/null; do n=$((n+1)); "
                + "p=$(cat \"$m/pid\" 2>/dev/null); "
                + "if [ -n \"$p\" ] && ! kill -0 \"$p\" 2>/dev/null; then rm -rf \"$m\"; continue; fi; "
                + "if [ $n -ge 50 ]; then "
                + "if [ -n \"$(find \"$m\" -prune -mmin +1 2>/dev/null)\" ]; then rm -rf \"$m\"; n=0; continue; fi; "
                + "echo \"" + name + " is busy\" >&2; exit 1; fi; "
                + "sleep 0.1 2>/dev/null || sleep 1; done; "
                + "trap 'rm -rf \"$m\"' EXIT; trap 'exit 1' HUP INT TERM PIPE; echo $$ > \"$m/pid\"; ";
    }

    private static String readScript(String file) {
        return DIRECTORY + "f=\"$d/state/" + file + "\"; if [ -f \"$f\" ]; then exec cat \"$f\"; fi";
    }

    /**
     * Writes standard input as {@code state/FILE} unless the node holds a newer generation than {@code $2}, the one
     * the write was based on, and only when it is all there: {@code $3} bytes (a berth killed while sending leaves
     * less, and the file as it was). Prints {@code written}, or {@code refused N} with the node's generation.
     */
    private static String writeScript(String file, String mutex) {
        return DIRECTORY
                + "case $2 in ''|*[!0-9]*) echo \"bad generation\" >&2; exit 2 ;; esac; "
                + "case $3 in ''|*[!0-9]*) echo \"bad length\" >&2; exit 2 ;; esac; "
                + "umask 077; mkdir -p \"$d/state\" && chmod 700 \"$d\" \"$d/state\" || exit 1; "
                + mutex(mutex)
                + "f=\"$d/state/" + file + "\"; g=0; "
                + "if [ -f \"$f\" ]; then "
                + "g=$(sed -n '1s/^{\"generation\":\\([0-9][0-9]*\\)[,}].*/\\1/p' \"$f\"); [ -n \"$g\" ] || g=0; fi; "
                + "if [ \"$g\" -gt \"$2\" ]; then echo \"refused $g\"; exit 0; fi; "
                + "tmp=\"$f.tmp.$$\"; "
                + "if cat > \"$tmp\" && [ \"$(wc -c < \"$tmp\")\" -eq \"$3\" ] && mv -f \"$tmp\" \"$f\"; then "
                + "echo written; exit 0; fi; "
                + "rm -f \"$tmp\"; echo \"incomplete: not all of the content arrived\" >&2; exit 1";
    }

    static List<String> readEvents(String directory) {
        return List.of("sh", "-c", READ_EVENTS, "berth-events-read", directory);
    }

    static List<String> writeEvents(String directory, long basedOn, int length) {
        return List.of("sh", "-c", WRITE_EVENTS, "berth-events-write", directory, Long.toString(basedOn),
                Integer.toString(length));
    }

    static List<String> read(String directory) {
        return List.of("sh", "-c", READ, "berth-state-read", directory);
    }

    /** The write of a record of {@code length} bytes, based on generation {@code basedOn}. */
    static List<String> write(String directory, long basedOn, int length) {
        return List.of("sh", "-c", WRITE, "berth-state-write", directory, Long.toString(basedOn),
                Integer.toString(length));
    }
}
