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
        return List.copyOf(argv);
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
