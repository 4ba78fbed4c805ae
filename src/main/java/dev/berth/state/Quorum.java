package dev.berth.state;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Majority rules for the replicated record, without I/O. A write counts once a majority of the state nodes
 * took it; a read that hears from a majority therefore sees at least one copy of the last counted write, and
 * takes the newest generation it hears.
 */
final class Quorum {
    private Quorum() {
    }

    /** {@code n/2 + 1}: 1 of 1, 2 of 2, 2 of 3, 3 of 4, 3 of 5. */
    static int majority(int stateNodes) {
        if (stateNodes < 1) {
            throw new IllegalArgumentException("a cluster needs at least one state node");
        }
        return stateNodes / 2 + 1;
    }

    /**
     * The record a majority of answers stands for. Copies of the same generation that differ (left by a write
     * that failed to reach a majority) are settled by how many nodes hold each, then by the later write time.
     *
     * @throws StateUnavailableException when fewer than a majority answered
     */
    static ReadOutcome read(List<ReplicaAnswer> answers) {
        List<ReplicaAnswer.Failed> failed = answers.stream()
                .filter(ReplicaAnswer.Failed.class::isInstance).map(ReplicaAnswer.Failed.class::cast).toList();
        int needed = majority(answers.size());
        if (answers.size() - failed.size() < needed) {
            throw StateUnavailableException.of("read", failed.stream().map(ReplicaAnswer.Failed::message).toList(),
                    answers.size(), needed);
        }
        List<StateRecord> copies = answers.stream()
                .filter(ReplicaAnswer.Found.class::isInstance)
                .map(answer -> ((ReplicaAnswer.Found) answer).record()).toList();
        StateRecord newest = newest(copies).orElse(StateRecord.empty());
        List<String> lagging = answers.stream()
                .filter(answer -> answer instanceof ReplicaAnswer.Missing && newest.generation() > 0
                        || answer instanceof ReplicaAnswer.Found found
                        && found.record().generation() < newest.generation())
                .map(ReplicaAnswer::node).toList();
        return new ReadOutcome(newest, lagging, failed.stream().map(ReplicaAnswer.Failed::node).toList());
    }

    /**
     * Whether a write counts: a majority took it. Otherwise a node that refused means another writer got in
     * first ({@link StateConflictException}); else too few nodes answered ({@link StateUnavailableException}).
     */
    static void confirmWrite(List<WriteAnswer> answers, long basedOn) {
        long written = answers.stream().filter(WriteAnswer.Written.class::isInstance).count();
        int needed = majority(answers.size());
        if (written >= needed) {
            return;
        }
        Optional<WriteAnswer.Refused> newer = answers.stream()
                .filter(WriteAnswer.Refused.class::isInstance).map(WriteAnswer.Refused.class::cast)
                .max(Comparator.comparingLong(WriteAnswer.Refused::generation));
        if (newer.isPresent()) {
            throw new StateConflictException("the cluster state changed while this run worked: "
                    + newer.get().node() + " holds generation " + newer.get().generation() + ", this run read "
                    + basedOn + "; nothing was recorded, run the command again");
        }
        throw StateUnavailableException.of("write", answers.stream()
                .filter(WriteAnswer.Failed.class::isInstance)
                .map(answer -> ((WriteAnswer.Failed) answer).message()).toList(), answers.size(), needed);
    }

    private static Optional<StateRecord> newest(List<StateRecord> copies) {
        Map<StateRecord, Long> holders = copies.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return holders.keySet().stream().max(Comparator.comparingLong(StateRecord::generation)
                .thenComparingLong(holders::get)
                .thenComparing(StateRecord::writtenAt, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /**
     * @param record  the newest record a majority stands for
     * @param lagging nodes that answered with an older copy or none, to be brought up to date
     * @param failed  nodes that did not answer
     */
    record ReadOutcome(StateRecord record, List<String> lagging, List<String> failed) {
    }
}
