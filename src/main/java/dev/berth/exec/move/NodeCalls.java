package dev.berth.exec.move;

import dev.berth.error.ClusterException;
import dev.berth.ssh.CommandResult;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.Transport;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** The single commands of a move, run on one node and waited for. */
final class NodeCalls {
    private final Transport transport;
    private final Consumer<String> notes;

    NodeCalls(Transport transport, Consumer<String> notes) {
        this.transport = transport;
        this.notes = notes;
    }

    /** Runs {@code argv}; a non-zero exit fails the move, saying what it was {@code doing} and what it printed. */
    void run(SshTarget node, List<String> argv, String doing) {
        CommandResult result = call(node, argv);
        if (!result.succeeded()) {
            String said = (result.stderrText() + " " + result.stdoutText()).strip();
            throw new ClusterException(node.name() + ": " + doing + " failed (exit " + result.exitCode() + ")"
                    + (said.isEmpty() ? "" : ": " + said));
        }
    }

    /** Runs {@code argv} and returns how it ended; a node that cannot be asked fails the move. */
    CommandResult call(SshTarget node, List<String> argv) {
        try {
            return transport.run(node, argv).join();
        } catch (CompletionException e) {
            throw new ClusterException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Runs {@code argv} for tidying up: a node that cannot be asked is a warning about {@code what}. */
    void quietly(SshTarget node, List<String> argv, String what) {
        try {
            transport.run(node, argv).join();
        } catch (CompletionException e) {
            notes.accept("warning: " + node.name() + ": " + what + " failed: " + e.getCause().getMessage());
        }
    }
}
