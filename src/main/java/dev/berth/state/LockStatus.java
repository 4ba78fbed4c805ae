package dev.berth.state;

import dev.berth.ssh.NodeResult;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lock as each state node sees it, for {@code berth lock status} and {@code berth lock release}.
 *
 * @param needed how many state nodes a holder needs: a majority
 */
public record LockStatus(List<NodeLock> nodes, int needed) {

    public LockStatus {
        nodes = List.copyOf(nodes);
    }

    /** What one state node holds. */
    public enum State {
        /** No lease. */
        FREE,
        /** A lease that has not expired. */
        HELD,
        /** A lease past its expiry: the next run takes it over. */
        EXPIRED,
        /** A lease removed by {@code lock release}. */
        RELEASED,
        /** The node did not answer. */
        UNREACHABLE
    }

    /**
     * The lock as one state node holds it.
     *
     * @param lease     the lease the node holds (or held, when released), or {@code null}
     * @param expiresIn how long the lease still runs by the node's clock, or {@code null}
     * @param error     why the node did not answer, or {@code null}
     */
    public record NodeLock(String node, State state, LeaseInfo lease, Duration expiresIn, String error) {
    }

    /**
     * The unexpired lease seen on the most state nodes: the run that holds the cluster's lock. With nodes
     * unreachable it may show on fewer than {@link #needed()} of those that answered.
     */
    public Optional<LeaseInfo> holder() {
        Map<String, Long> held = nodes.stream().filter(lock -> lock.state() == State.HELD)
                .collect(Collectors.groupingBy(lock -> lock.lease().token(), Collectors.counting()));
        return nodes.stream().filter(lock -> lock.state() == State.HELD)
                .max(Comparator.comparingLong(lock -> held.get(lock.lease().token())))
                .map(NodeLock::lease);
    }

    /** Builds the status from the answers of the status or release script. */
    static LockStatus of(List<NodeResult<LeaseAnswer>> answers) {
        Function<NodeResult<LeaseAnswer>, NodeLock> lock = result -> {
            if (result instanceof NodeResult.Failed<LeaseAnswer> failed) {
                return new NodeLock(failed.node(), State.UNREACHABLE, null, null, failed.message());
            }
            LeaseAnswer answer = ((NodeResult.Ok<LeaseAnswer>) result).value();
            if (answer.lease().isEmpty() || answer.verdict().equals("free")) {
                return new NodeLock(result.node(), State.FREE, null, null, null);
            }
            LeaseInfo lease = answer.lease().get();
            State state = answer.verdict().equals("released") ? State.RELEASED
                    : lease.expired(answer.nodeNow()) ? State.EXPIRED : State.HELD;
            return new NodeLock(result.node(), state, lease, lease.expiresIn(answer.nodeNow()), null);
        };
        return new LockStatus(answers.stream().map(lock).toList(), Quorum.majority(answers.size()));
    }
}
