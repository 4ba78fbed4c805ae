package dev.berth.state;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventLogTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static ClusterEvent killing(String pod, Instant at) {
        return ClusterEvent.of(ClusterEvent.NORMAL, "Killing", "Pod", "shop", pod, "Stopping container app: surplus",
                "node-2", at);
    }

    @Nested
    class Folding {
        @Test
        void theSameEventAgainIsCountedWithItsFirstTimeKeptAndItsLastTimeMoved() {
            ClusterEvent backOff = ClusterEvent.of(ClusterEvent.WARNING, "BackOff", "Pod", "shop", "web-x7k2p",
                    "Back-off restarting failed container app (exit code 1)", "node-1", T0);
            EventLog log = EventLog.empty().with(List.of(backOff), EventLog.LIMIT)
                    .with(List.of(killing("web-abcde", T0.plusSeconds(30))), EventLog.LIMIT)
                    .with(List.of(ClusterEvent.of(ClusterEvent.WARNING, "BackOff", "Pod", "shop", "web-x7k2p",
                            "Back-off restarting failed container app (exit code 1)", "node-1", T0.plusSeconds(60))),
                            EventLog.LIMIT);

            assertThat(log.events()).hasSize(2);
            assertThat(log.events().get(0).reason()).isEqualTo("Killing");
            ClusterEvent folded = log.events().get(1);
            assertThat(folded.reason()).isEqualTo("BackOff");
            assertThat(folded.count()).isEqualTo(2);
            assertThat(folded.firstTimestamp()).isEqualTo(T0);
            assertThat(folded.lastTimestamp()).isEqualTo(T0.plusSeconds(60));
        }

        @Test
        void anotherMessageOrObjectOrNodeIsAnotherEvent() {
            ClusterEvent first = killing("web-abcde", T0);
            List<ClusterEvent> others = List.of(
                    ClusterEvent.of(ClusterEvent.NORMAL, "Killing", "Pod", "shop", "web-abcde",
                            "Stopping container app: spec changed", "node-2", T0),
                    killing("web-fghjk", T0),
                    ClusterEvent.of(ClusterEvent.NORMAL, "Killing", "Pod", "shop", "web-abcde",
                            "Stopping container app: surplus", "node-1", T0),
                    ClusterEvent.of(ClusterEvent.NORMAL, "Killing", "Pod", "other", "web-abcde",
                            "Stopping container app: surplus", "node-2", T0));

            EventLog log = EventLog.empty().with(List.of(first), 500).with(others, 500);

            assertThat(log.events()).hasSize(5).allMatch(event -> event.count() == 1);
        }
    }

    @Nested
    class Bounds {
        @Test
        void keepsTheNewestAndDropsTheOldestBeyondTheLimit() {
            List<ClusterEvent> many = new ArrayList<>();
            for (int i = 0; i < EventLog.LIMIT + 20; i++) {
                many.add(killing("web-" + i, T0.plusSeconds(i)));
            }

            EventLog log = EventLog.empty().with(many, EventLog.LIMIT);

            assertThat(log.events()).hasSize(500);
            assertThat(log.events().get(0).name()).isEqualTo("web-20");
            assertThat(log.events().get(499).name()).isEqualTo("web-519");
        }

        @Test
        void aCrashLoopingReplicaIsOneEventHoweverOftenItIsSeen() {
            EventLog log = EventLog.empty();
            for (int run = 0; run < 2 * EventLog.LIMIT; run++) {
                log = log.with(List.of(ClusterEvent.of(ClusterEvent.WARNING, "BackOff", "Pod", "shop", "web-x7k2p",
                        "Back-off restarting failed container app (exit code 1)", "node-1", T0.plusSeconds(run))),
                        EventLog.LIMIT);
            }

            assertThat(log.events()).singleElement().satisfies(event -> {
                assertThat(event.count()).isEqualTo(1000);
                assertThat(event.lastTimestamp()).isEqualTo(T0.plusSeconds(999));
            });
        }
    }

    @Test
    void isStoredAsOneLineOfJsonThatStartsWithItsGenerationAndReadsBack() {
        EventLog log = new EventLog(7, List.of(killing("web-abcde", T0)));

        byte[] written = StateJson.write(log);

        assertThat(new String(written, StandardCharsets.UTF_8)).startsWith("{\"generation\":7,\"events\":[")
                .doesNotContain("\n").contains("\"firstTimestamp\":\"2026-03-02T09:00:00Z\"");
        assertThat(StateJson.readEvents(written)).isEqualTo(log);
        assertThat(EventCopies.answer(new byte[0])).isEqualTo(EventLog.empty());
    }

    @Test
    void anEventHappenedAtLeastOnce() {
        assertThatThrownBy(() -> new ClusterEvent("Normal", "Started", "Pod", "shop", "web", "", 0, T0, T0, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count 0");
    }
}
