package dev.berth.ssh;

/** What one node of a fan-out gave back: a value, or the reason it gave nothing. */
public sealed interface NodeResult<T> {

    String node();

    /** The node answered; for a command, {@code value} holds its output and exit code. */
    record Ok<T>(String node, T value) implements NodeResult<T> {
    }

    /** The node could not be asked: unreachable, refused our key or its key, or too slow. */
    record Failed<T>(String node, FailureKind kind, String message) implements NodeResult<T> {
    }
}
