package dev.berth.state;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The events document on real state nodes: sshd on loopback, the real read and write scripts. */
@EnabledIf("dev.berth.ssh.LoopbackSshd#available")
class ClusterStateEventsTest {
    static final Holder LAPTOP = new Holder("deploy@laptop", "berth apply", 4242);
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    static Path dir;
    static LoopbackStateNodes nodes;

    @BeforeAll
    static void startNodes() throws Exception {
        nodes = LoopbackStateNodes.start(dir);
    }

    @AfterAll
    static void stopNodes() throws Exception {
        nodes.close();
    }

    @BeforeEach
    void emptyNodes() throws IOException {
        for (String node : LoopbackStateNodes.NAMES) {
            ClusterStateRecordTest.deleteTree(nodes.directory(node));
        }
    }

    static ClusterState state(String... down) throws IOException {
        return nodes.state(LAPTOP, Duration.ofSeconds(60), down);
    }

    static ClusterEvent backOff(Instant at) {
        return ClusterEvent.of(ClusterEvent.WARNING, "BackOff", "Pod", "shop", "web-x7k2p",
                "Back-off restarting failed container app (exit code 1)", "node-1", at);
    }

    @Test
    void aClusterNeverWrittenToHasNoEvents() throws IOException {
        assertThat(state().readEvents()).isEqualTo(EventLog.empty());
    }

    @Test
    void recordsOnEveryStateNodeBesideTheRecordFoldsRepeatsAndLeavesTheRecordAlone() throws IOException {
        state().recordEvents(List.of(backOff(T0)));
        state().recordEvents(List.of(backOff(T0.plusSeconds(60))));

        EventLog read = state().readEvents();

        assertThat(read.generation()).isEqualTo(2);
        assertThat(read.events()).singleElement().satisfies(event -> {
            assertThat(event.count()).isEqualTo(2);
            assertThat(event.lastTimestamp()).isEqualTo(T0.plusSeconds(60));
        });
        for (String node : LoopbackStateNodes.NAMES) {
            Path events = nodes.directory(node).resolve("state/events.json");
            assertThat(Files.readString(events)).as(node).startsWith("{\"generation\":2,");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(events))).isEqualTo("rw-------");
            assertThat(nodes.record(node)).as("the record is not written for events").doesNotExist();
        }
    }

    @Test
    void nothingToRecordTouchesNoNode() throws IOException {
        state().recordEvents(List.of());

        for (String node : LoopbackStateNodes.NAMES) {
            assertThat(nodes.directory(node).resolve("state")).doesNotExist();
        }
    }

    @Test
    void recordsWithOneStateNodeDownAndTheNewestCopyIsRead() throws IOException {
        state().recordEvents(List.of(backOff(T0)));
        state("node-2").recordEvents(List.of(backOff(T0.plusSeconds(60))));

        EventLog read = state("node-1").readEvents();

        assertThat(read.generation()).isEqualTo(2);
        assertThat(read.events().get(0).count()).isEqualTo(2);
    }
}
