package dev.berth.error;

import java.util.List;

/** Bad input or usage (exit 2). May carry several problems, reported together. */
public class InvalidInputException extends BerthException {
    private final List<String> problems;

    public InvalidInputException(String message) {
        this(message, List.of());
    }

    public InvalidInputException(String message, List<String> problems) {
        super(ExitCode.INVALID_INPUT, message);
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one line, e.g. {@code web.yaml:14:9: spec.replicas: must be >= 0, got -1}. */
    public List<String> problems() {
        return problems;
    }
}
