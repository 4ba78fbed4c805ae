package dev.berth.state;

import dev.berth.ssh.NodeResult;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Counts the state nodes' answers to an attempt to take the lock, without I/O. */
final class LockTally {
    private LockTally() {
    }

    /** The lock is ours on a majority. */
    record Won(List<String> nodes) implements Outcome {
    }

    /** Another run holds the lock; {@code ours} are the nodes we took anyway and must give back. */
    record Held(LeaseInfo lease, long nodeNow, List<String> ours) implements Outcome {
    }

    /** Too few nodes answered for anyone to hold a majority of ours; {@code ours} must be given back. */
    record Unreachable(List<String> failures, int needed, int stateNodes, List<String> ours) implements Outcome {
    }

    sealed interface Outcome {
    }

    static Outcome count(List<NodeResult<LeaseAnswer>> answers) {
        int needed = Quorum.majority(answers.size());
        List<String> ours = answers.stream()
                .filter(answer -> answer instanceof NodeResult.Ok<LeaseAnswer> ok
                        && ok.value().verdict().equals("acquired"))
                .map(NodeResult::node).toList();
        if (ours.size() >= needed) {
            return new Won(ours);
        }
        List<LeaseAnswer> held = answers.stream()
                .filter(answer -> answer instanceof NodeResult.Ok<LeaseAnswer> ok && ok.value().verdict().equals("held")
                        && ok.value().lease().isPresent())
                .map(answer -> ((NodeResult.Ok<LeaseAnswer>) answer).value()).toList();
        List<String> failures = answers.stream()
                .filter(answer -> answer instanceof NodeResult.Failed<LeaseAnswer>)
                .map(answer -> ((NodeResult.Failed<LeaseAnswer>) answer).message()).toList();
        if (held.isEmpty()) {
            return new Unreachable(failures, needed, answers.size(), ours);
        }
        Map<String, Long> nodesPerHolder = held.stream()
                .collect(Collectors.groupingBy(answer -> answer.lease().orElseThrow().token(), Collectors.counting()));
        LeaseAnswer strongest = held.stream()
                .max(Comparator.comparingLong((LeaseAnswer answer) -> nodesPerHolder.get(answer.lease().orElseThrow().token()))
                        .thenComparing(Function.identity(), Comparator.comparingLong(answer ->
                                answer.lease().orElseThrow().expires() - answer.nodeNow())))
                .orElseThrow();
        return new Held(strongest.lease().orElseThrow(), strongest.nodeNow(), ours);
    }
}
