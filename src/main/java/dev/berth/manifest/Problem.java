package dev.berth.manifest;

import java.util.Comparator;

/**
 * One thing wrong with the input, at a position and a field path, for example
 * {@code web.yaml:14:9: spec.replicas: must be >= 0, got -1}.
 *
 * @param path the field's path, e.g. {@code spec.template.spec.containers[0].image}; empty for whole-file problems
 */
public record Problem(Severity severity, Position position, String path, String message) {

    /** Errors stop a run; warnings are printed and the run goes on. */
    public enum Severity { ERROR, WARNING }

    /** Orders problems as a reader meets them: by line, then column. Files keep the order they were given in. */
    static final Comparator<Problem> BY_LINE = Comparator
            .comparingInt((Problem p) -> p.position().line())
            .thenComparingInt(p -> p.position().column());

    /** The line a user sees; warnings carry a {@code warning: } prefix. */
    public String line() {
        String text = position + ": " + (path.isEmpty() ? "" : path + ": ") + message;
        return severity == Severity.WARNING ? "warning: " + text : text;
    }

    @Override
    public String toString() {
        return line();
    }
}
