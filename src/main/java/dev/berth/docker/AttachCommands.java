package dev.berth.docker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The docker commands that attach a person to a container: its log and a process run in it. Argument lists
 * only; the transport runs them as streams.
 */
public final class AttachCommands {

    private AttachCommands() {
    }

    /** {@code docker logs} of one container, as {@code request} asks. */
    public static List<String> logs(String containerId, LogRequest request) {
        requireId(containerId);
        List<String> argv = new ArrayList<>(List.of("docker", "logs"));
        if (request.follow()) {
            argv.add("--follow");
        }
        if (request.timestamps()) {
            argv.add("--timestamps");
        }
        if (request.from().isPresent()) {
            argv.addAll(List.of("--since", request.from().get().toString()));
        } else {
            request.since().ifPresent(since -> argv.addAll(List.of("--since", goDuration(since))));
        }
        request.until().ifPresent(until -> argv.addAll(List.of("--until", until.toString())));
        if (request.tail() >= 0) {
            argv.addAll(List.of("--tail", Integer.toString(request.tail())));
        }
        argv.addAll(List.of("--", containerId));
        return request.follow() ? untilInputEnds(argv) : List.copyOf(argv);
    }

    /**
     * {@code argv} run so that it also ends when its standard input does: a command without a terminal gets no
     * hang-up when the SSH channel closes, so a {@code docker logs --follow} would outlive a berth that was
     * stopped, even by SIGKILL. The caller keeps the input open and sends nothing; when the channel closes the
     * input ends, and the command is stopped. Its own end (the container went) ends the wrapper too.
     */
    public static List<String> untilInputEnds(List<String> argv) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", "exec 3<&0; \"$@\" & command=$!; "
                + "{ cat <&3 >/dev/null; kill \"$command\" 2>/dev/null; } & watcher=$!; "
                + "wait \"$command\"; status=$?; kill \"$watcher\" 2>/dev/null; exit \"$status\"", "sh"));
        wrapped.addAll(argv);
        return List.copyOf(wrapped);
    }

    /**
     * {@code docker exec} of {@code command} in one container: with {@code interactive} its standard input is
     * the caller's, with {@code tty} it runs on a terminal (which docker only gives when its own input is one).
     */
    public static List<String> exec(String containerId, boolean interactive, boolean tty, List<String> command) {
        requireId(containerId);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a command to run is needed");
        }
        List<String> argv = new ArrayList<>(List.of("docker", "exec"));
        if (interactive) {
            argv.add("--interactive");
        }
        if (tty) {
            argv.add("--tty");
        }
        argv.addAll(List.of("--", containerId));
        argv.addAll(command);
        return List.copyOf(argv);
    }

    /** Go's duration syntax, which docker reads: whole seconds as {@code 90s}, else milliseconds. */
    private static String goDuration(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static void requireId(String containerId) {
        if (!containerId.matches("[0-9a-f]{12,64}")) {
            throw new IllegalArgumentException("not a container id: " + containerId);
        }
    }
}
