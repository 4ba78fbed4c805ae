package dev.berth.exec;

import java.util.function.Consumer;

/**
 * Where a converging run tells a person how its rollouts go: lines to keep ({@link #accept}), and where each
 * Deployment's rollout stands now, which a terminal may show in place, line over line.
 */
public interface RunNotes extends Consumer<String> {
    /** Notes nothing. */
    RunNotes NONE = line -> { };

    /** Where {@code deployment}'s rollout stands now; it replaces what was last said of it. */
    default void progress(String deployment, String line) {
        accept(line);
    }

    /** {@code deployment}'s rollout came to its end: nothing more will be said of where it stands. */
    default void finished(String deployment, String line) {
        accept(line);
    }
}
