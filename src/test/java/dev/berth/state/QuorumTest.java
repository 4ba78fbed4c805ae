package dev.berth.state;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class QuorumTest {

    static StateRecord record(long generation, String writer) {
        StateRecord empty = StateRecord.empty().withApplied(Map.of("ConfigMap/default/app", "{\"by\":\"" + writer + "\"}"));
        StateRecord stamped = empty;
        for (long g = 0; g < generation; g++) {
            stamped = stamped.successor(writer, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(generation));
        }
        return stamped;
    }

    static ReplicaAnswer found(String node, long generation) {
        return new ReplicaAnswer.Found(node, record(generation, "deploy@laptop"));
    }

    static ReplicaAnswer missing(String node) {
        return new ReplicaAnswer.Missing(node);
    }

    static ReplicaAnswer failed(String node) {
        return new ReplicaAnswer.Failed(node, node + " (10.0.0.1:22): connection refused");
    }

    @Nested
    class Majority {
        @Test
        void isMoreThanHalfOfTheStateNodes() {
            assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(Quorum::majority).toList())
                    .containsExactly(1, 2, 2, 3, 3, 4, 4);
        }

        @Test
        void needsAtLeastOneStateNode() {
            assertThatThrownBy(() -> Quorum.majority(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Reading {
        @Test
        void takesTheNewestGenerationAndNamesTheNodesBehindIt() {
            Quorum.ReadOutcome outcome = Quorum.read(List.of(found("node-1", 4), found("node-2", 5), missing("node-3")));

            assertThat(outcome.record().generation()).isEqualTo(5);
            assertThat(outcome.lagging()).containsExactly("node-1", "node-3");
            assertThat(outcome.failed()).isEmpty();
        }

        @Test
        void readsAnEmptyRecordFromAClusterNeverWrittenTo() {
            Quorum.ReadOutcome outcome = Quorum.read(List.of(missing("node-1"), missing("node-2"), failed("node-3")));

            assertThat(outcome.record()).isEqualTo(StateRecord.empty());
            assertThat(outcome.lagging()).isEmpty();
            assertThat(outcome.failed()).containsExactly("node-3");
        }

        @Test
        void survivesTheLossOfOneNodeOfThree() {
            Quorum.ReadOutcome outcome = Quorum.read(List.of(failed("node-1"), found("node-2", 7), found("node-3", 7)));

            assertThat(outcome.record().generation()).isEqualTo(7);
            assertThat(outcome.failed()).containsExactly("node-1");
        }

        @Test
        void failsWhenFewerThanAMajorityAnswerAndNamesTheSilentNodes() {
            assertThatThrownBy(() -> Quorum.read(List.of(failed("node-1"), found("node-2", 7), failed("node-3"))))
                    .isInstanceOf(StateUnavailableException.class)
                    .hasMessage("cannot read the cluster state: 2 of 3 state nodes failed (2 must answer): "
                            + "node-1 (10.0.0.1:22): connection refused; node-3 (10.0.0.1:22): connection refused");
        }

        @Test
        void settlesTwoCopiesOfOneGenerationByHowManyNodesHoldThem() {
            StateRecord lone = record(3, "ops@a");
            StateRecord shared = record(3, "deploy@b");

            Quorum.ReadOutcome outcome = Quorum.read(List.of(new ReplicaAnswer.Found("node-1", lone),
                    new ReplicaAnswer.Found("node-2", shared), new ReplicaAnswer.Found("node-3", shared)));

            assertThat(outcome.record()).isEqualTo(shared);
        }

        @Test
        void settlesATieOfCopiesByTheLaterWrite() {
            StateRecord earlier = record(2, "ops@a").successor("ops@a", Instant.parse("2025-03-01T10:00:00Z"));
            StateRecord later = record(2, "deploy@b").successor("deploy@b", Instant.parse("2025-03-01T10:05:00Z"));

            Quorum.ReadOutcome outcome = Quorum.read(List.of(new ReplicaAnswer.Found("node-1", later),
                    new ReplicaAnswer.Found("node-2", earlier), failed("node-3")));

            assertThat(outcome.record()).isEqualTo(later);
        }

        /**
         * Every way up to five state nodes can answer (a copy of generation 1 or 2, no copy, no answer): a read
         * succeeds exactly when a majority answered, and gives the newest generation any of them holds.
         */
        @Test
        void decidesEveryCombinationOfAnswersByMajorityAndNewestGeneration() {
            int cases = 0;
            for (int nodes = 1; nodes <= 5; nodes++) {
                for (List<Integer> kinds : combinations(nodes, 4)) {
                    List<ReplicaAnswer> answers = new ArrayList<>();
                    for (int i = 0; i < nodes; i++) {
                        String name = "node-" + (i + 1);
                        answers.add(switch (kinds.get(i)) {
                            case 0 -> failed(name);
                            case 1 -> missing(name);
                            default -> found(name, kinds.get(i) - 1);
                        });
                    }
                    long answered = kinds.stream().filter(kind -> kind > 0).count();
                    long newest = kinds.stream().mapToLong(kind -> Math.max(0, kind - 1)).max().orElse(0);
                    Throwable thrown = catchThrowable(() -> Quorum.read(answers));
                    if (answered >= nodes / 2 + 1) {
                        assertThat(thrown).as("answers %s", kinds).isNull();
                        assertThat(Quorum.read(answers).record().generation()).as("answers %s", kinds).isEqualTo(newest);
                    } else {
                        assertThat(thrown).as("answers %s", kinds).isInstanceOf(StateUnavailableException.class);
                    }
                    cases++;
                }
            }
            assertThat(cases).isEqualTo(4 + 16 + 64 + 256 + 1024);
        }

        /**
         * The promise of majorities: whichever majority took the last write and whichever majority answers a
         * later read, the read sees that write.
         */
        @Test
        void alwaysSeesTheLastWriteThatAMajorityTook() {
            for (int nodes = 1; nodes <= 5; nodes++) {
                int needed = Quorum.majority(nodes);
                for (List<Integer> took : combinations(nodes, 2)) {
                    if (took.stream().filter(bit -> bit == 1).count() < needed) {
                        continue;
                    }
                    for (List<Integer> answered : combinations(nodes, 2)) {
                        if (answered.stream().filter(bit -> bit == 1).count() < needed) {
                            continue;
                        }
                        List<ReplicaAnswer> answers = new ArrayList<>();
                        for (int i = 0; i < nodes; i++) {
                            String name = "node-" + (i + 1);
                            answers.add(answered.get(i) == 0 ? failed(name) : found(name, took.get(i) == 1 ? 9 : 8));
                        }
                        assertThat(Quorum.read(answers).record().generation())
                                .as("written to %s, answered by %s", took, answered).isEqualTo(9);
                    }
                }
            }
        }
    }

    @Nested
    class Writing {
        @Test
        void countsOnceAMajorityTookTheRecord() {
            Quorum.confirmWrite(List.of(new WriteAnswer.Written("node-1"), new WriteAnswer.Failed("node-2", "down"),
                    new WriteAnswer.Written("node-3")), 4);
        }

        @Test
        void countsEvenWhenAStaleNodeRefusedWhileAMajorityTookIt() {
            Quorum.confirmWrite(List.of(new WriteAnswer.Refused("node-1", 5), new WriteAnswer.Written("node-2"),
                    new WriteAnswer.Written("node-3")), 4);
        }

        @Test
        void reportsAnotherWriterThatGotInFirst() {
            assertThatThrownBy(() -> Quorum.confirmWrite(List.of(new WriteAnswer.Refused("node-1", 6),
                    new WriteAnswer.Refused("node-2", 5), new WriteAnswer.Written("node-3")), 4))
                    .isInstanceOf(StateConflictException.class)
                    .hasMessage("the cluster state changed while this run worked: node-1 holds generation 6, "
                            + "this run read 4; nothing was recorded, run the command again");
        }

        @Test
        void failsWhenTooFewNodesTookItAndNamesTheOthers() {
            assertThatThrownBy(() -> Quorum.confirmWrite(List.of(new WriteAnswer.Written("node-1"),
                    new WriteAnswer.Failed("node-2", "node-2 (10.0.0.12:22): connection refused"),
                    new WriteAnswer.Failed("node-3", "node-3: command did not finish within 120s")), 4))
                    .isInstanceOf(StateUnavailableException.class)
                    .hasMessage("cannot write the cluster state: 2 of 3 state nodes failed (2 must answer): "
                            + "node-2 (10.0.0.12:22): connection refused; node-3: command did not finish within 120s")
                    .extracting(e -> ((StateUnavailableException) e).exitCode().code()).isEqualTo(3);
        }
    }

    /** Every list of {@code length} digits below {@code base}. */
    static List<List<Integer>> combinations(int length, int base) {
        List<List<Integer>> all = new ArrayList<>();
        int count = (int) Math.pow(base, length);
        for (int n = 0; n < count; n++) {
            List<Integer> digits = new ArrayList<>();
            int rest = n;
            for (int i = 0; i < length; i++) {
                digits.add(rest % base);
                rest /= base;
            }
            all.add(digits);
        }
        return all;
    }

}
