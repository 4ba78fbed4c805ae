package dev.berth.exec;

import dev.berth.plan.Action;

/** How one step of a plan went: done, failed with a reason, or skipped after an earlier failure on its node. */
public record StepResult(Action action, Outcome outcome, String message) {

    /** What became of a step. */
    public enum Outcome { DONE, FAILED, SKIPPED }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
