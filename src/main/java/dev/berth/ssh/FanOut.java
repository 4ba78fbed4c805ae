package dev.berth.ssh;

import dev.berth.error.ClusterException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * One operation on many nodes at once, at most {@code parallelism} nodes in flight. The operations are
 * asynchronous (see {@link Transport}), so no thread is held per node: the calling thread only waits for a
 * permit, and completions release permits from the transport's I/O threads. Every node is awaited; a failing
 * node is reported and the others still answer.
 */
public final class FanOut {
    /**
     * Nodes in flight when the inventory does not say: past this, one client machine is CPU-bound on the key
     * exchanges, not waiting on round trips (docs/adr/0011-fan-out-parallelism.md).
     */
    public static final int DEFAULT_PARALLELISM = 512;
    /** File descriptors a node in flight may hold: its socket and, behind a jump host, a forwarded port's two. */
    static final int DESCRIPTORS_PER_NODE = 3;
    /** File descriptors kept for everything else the process opens (jar, files it reads, the terminal). */
    static final int DESCRIPTORS_KEPT = 64;

    private final int parallelism;

    public FanOut(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /**
     * A fan-out of {@code parallelism} nodes in flight, fewer when the process could not open that many
     * connections at once: a fan-out must never fail nodes for want of file descriptors.
     */
    public static FanOut withinDescriptors(int parallelism) {
        return new FanOut(withinDescriptors(parallelism, OpenDescriptors.limit(), OpenDescriptors.open()));
    }

    /** {@code parallelism}, lowered to what {@code limit - open} descriptors allow; at least 1. Unknown (-1): as asked. */
    static int withinDescriptors(int parallelism, long limit, long open) {
        if (limit < 0 || open < 0) {
            return parallelism;
        }
        long affordable = (limit - open - DESCRIPTORS_KEPT) / DESCRIPTORS_PER_NODE;
        return (int) Math.max(1, Math.min(parallelism, affordable));
    }

    /** Runs {@code operation} on every node and returns one result per node, in the order of {@code nodes}. */
    public <T> List<NodeResult<T>> run(Collection<SshTarget> nodes,
                                       Function<SshTarget, CompletableFuture<T>> operation) {
        Semaphore inFlight = new Semaphore(parallelism);
        List<CompletableFuture<NodeResult<T>>> pending = new ArrayList<>(nodes.size());
        for (SshTarget node : nodes) {
            inFlight.acquireUninterruptibly();
            CompletableFuture<T> started;
            try {
                started = operation.apply(node);
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            pending.add(started.handle((value, error) -> {
                inFlight.release();
                return error == null ? new NodeResult.Ok<>(node.name(), value) : failed(node, error);
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return pending.stream().map(CompletableFuture::join).toList();
    }

    /**
     * Throws a {@link ClusterException} (exit 3) naming every failed node when there is any, e.g.
     * {@code 2 of 5 nodes failed: node-2 (10.0.0.12:22): connection refused; node-4: command did not finish within 120s}.
     */
    public static <T> void requireAllOk(List<NodeResult<T>> results) {
        List<String> failures = results.stream()
                .filter(result -> result instanceof NodeResult.Failed<T>)
                .map(result -> ((NodeResult.Failed<T>) result).message())
                .toList();
        if (!failures.isEmpty()) {
            throw new ClusterException(failures.size() + " of " + results.size() + " nodes failed: "
                    + String.join("; ", failures));
        }
    }

    private static <T> NodeResult<T> failed(SshTarget node, Throwable error) {
        SshFailure failure = SessionFailures.unwrap(error);
        if (failure.node().equals("?")) {
            return new NodeResult.Failed<>(node.name(), failure.kind(), node.name() + ": " + failure.getMessage());
        }
        return new NodeResult.Failed<>(node.name(), failure.kind(), failure.getMessage());
    }
}
