package dev.berth.manifest;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found, so that all of them are reported at once. */
public final class Problems {
    private final List<Problem> found = new ArrayList<>();

    public void error(Position position, String path, String message) {
        found.add(new Problem(Problem.Severity.ERROR, position, path, message));
    }

    public void warn(Position position, String path, String message) {
        found.add(new Problem(Problem.Severity.WARNING, position, path, message));
    }

    public void add(Problem problem) {
        found.add(problem);
    }

    public void addAll(List<Problem> problems) {
        found.addAll(problems);
    }

    /** How many errors have been found so far; a reader compares counts to know if its part was clean. */
    public int errorCount() {
        return (int) found.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
    }

    public List<Problem> all() {
        return List.copyOf(found);
    }
}
