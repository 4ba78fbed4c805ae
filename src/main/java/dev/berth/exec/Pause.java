package dev.berth.exec;

import java.time.Duration;

/** How a run waits between two looks at the cluster; tests pass one that moves their clock instead. */
@FunctionalInterface
public interface Pause {
    /** Waits for real. */
    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
