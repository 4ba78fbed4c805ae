package dev.berth.state;

import dev.berth.ssh.CommandResult;
import dev.berth.ssh.FailureKind;
import dev.berth.ssh.FanOut;
import dev.berth.ssh.NodeResult;
import dev.berth.ssh.SshFailure;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.Transport;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One script on every state node at once. A script that exits non-zero is a failure of its node, reported with
 * what it printed on stderr; an answer that cannot be parsed likewise.
 */
final class StateNodeCalls {
    private final Transport transport;
    private final FanOut fanOut;
    private final List<SshTarget> nodes;

    StateNodeCalls(Transport transport, FanOut fanOut, List<SshTarget> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one state node");
        }
        this.transport = transport;
        this.fanOut = fanOut;
        this.nodes = List.copyOf(nodes);
    }

    int size() {
        return nodes.size();
    }

    /** Runs {@code argv(node)} with {@code stdin} on every state node and parses each standard output. */
    <T> List<NodeResult<T>> run(Function<SshTarget, List<String>> argv, byte[] stdin, String what,
                                Function<byte[], T> parse) {
        return runOn(nodes, argv, stdin, what, parse);
    }

    /** Like {@link #run(Function, byte[], String, Function)}, on the state nodes named in {@code names} only. */
    <T> List<NodeResult<T>> runOn(Collection<String> names, Function<SshTarget, List<String>> argv, byte[] stdin,
                                  String what, Function<byte[], T> parse) {
        return runOn(nodes.stream().filter(node -> names.contains(node.name())).toList(), argv, stdin, what, parse);
    }

    private <T> List<NodeResult<T>> runOn(List<SshTarget> some, Function<SshTarget, List<String>> argv, byte[] stdin,
                                          String what, Function<byte[], T> parse) {
        return fanOut.run(some, node -> transport.run(node, argv.apply(node), stdin)
                .thenCompose(result -> parsed(node, result, what, parse)));
    }

    <T> List<NodeResult<T>> run(Function<SshTarget, List<String>> argv, String what, Function<byte[], T> parse) {
        return run(argv, new byte[0], what, parse);
    }

    private static <T> CompletableFuture<T> parsed(SshTarget node, CommandResult result, String what,
                                                   Function<byte[], T> parse) {
        if (!result.succeeded()) {
            String reason = result.stderrText().strip();
            return CompletableFuture.failedFuture(new SshFailure(node.name(), FailureKind.PROTOCOL, node.name()
                    + ": cannot " + what + " (exit " + result.exitCode() + ")" + (reason.isEmpty() ? "" : ": " + reason)));
        }
        try {
            return CompletableFuture.completedFuture(parse.apply(result.stdout()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new SshFailure(node.name(), FailureKind.PROTOCOL,
                    node.name() + ": cannot " + what + ": " + e.getMessage()));
        }
    }
}
