package dev.berth.cli.attach;

import dev.berth.error.InvalidInputException;
import dev.berth.model.ObservedContainer;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --previous} on berth: docker restarts a container in place and keeps its log, so the previous instance
 * is what the container wrote before its current start. A container docker never restarted has none (a replica
 * berth replaced is a new container with a new log).
 */
final class Previous {

    /** How long after its creation docker may take to start a container the first time. */
    private static final Duration SAME_START = Duration.ofSeconds(2);

    private Previous() {
    }

    /**
     * Docker restarted the container: its policy counted a restart, or it started well after it was created (a
     * {@code docker restart}, as berth's liveness probes do, is not counted by docker).
     */
    static boolean startedAgain(ObservedContainer container) {
        Instant started = container.startedAt();
        if (started == null) {
            return false;
        }
        return container.restartCount() > 0
                || container.createdAt() != null && started.isAfter(container.createdAt().plus(SAME_START));
    }

    /** The containers that have a previous instance; the others are named on {@code err}, or fail when none has. */
    static List<PodContainer> only(List<PodContainer> containers, PrintWriter err) {
        List<PodContainer> kept = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (PodContainer source : containers) {
            if (startedAgain(source.container())) {
                kept.add(source);
            } else {
                missing.add("previous terminated container \"" + source.name() + "\" in pod \"" + source.pod().name()
                        + "\" not found (docker has not restarted it)");
            }
        }
        if (kept.isEmpty()) {
            throw new InvalidInputException(missing.get(0));
        }
        missing.forEach(line -> err.println("warning: " + line));
        err.flush();
        return kept;
    }
}
