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
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replicated record on real state nodes: sshd on loopback, the real read and write scripts. */
@EnabledIf("dev.berth.ssh.LoopbackSshd#available")
class ClusterStateRecordTest {
    static final Holder LAPTOP = new Holder("deploy@laptop", "berth apply", 4242);
    static final Holder CRON = new Holder("deploy@cron", "berth reconcile", 77);
    static final Map<String, String> OBJECTS = Map.of(
            "ConfigMap/default/app", "{\"kind\":\"ConfigMap\",\"data\":{\"mode\":\"it's $(id)\"}}",
            "Secret/default/db", "{\"kind\":\"Secret\",\"data\":{\"password\":\"czNjcjN0\"}}");

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
            deleteTree(nodes.directory(node));
        }
    }

    static ClusterState state(Holder holder, String... down) throws IOException {
        return nodes.state(holder, Duration.ofSeconds(60), down);
    }

    static long generationOn(String node) throws IOException {
        return StateJson.read(Files.readAllBytes(nodes.record(node))).generation();
    }

    @Test
    void readsAnEmptyRecordFromAClusterNeverWrittenTo() throws IOException {
        assertThat(state(LAPTOP).read()).isEqualTo(StateRecord.empty());
    }

    @Test
    void writesEveryStateNodeAndAnotherRunReadsTheSame() throws IOException {
        StateRecord written = state(LAPTOP).write(state(LAPTOP).read().withApplied(OBJECTS));

        StateRecord seenByCron = state(CRON).read();

        assertThat(seenByCron).isEqualTo(written);
        assertThat(seenByCron.generation()).isEqualTo(1);
        assertThat(seenByCron.writtenBy()).isEqualTo("deploy@laptop");
        assertThat(seenByCron.applied()).isEqualTo(OBJECTS);
        for (String node : LoopbackStateNodes.NAMES) {
            assertThat(generationOn(node)).isEqualTo(1);
        }
    }

    @Test
    void keepsTheRecordPrivateToTheSshUser() throws IOException {
        state(LAPTOP).write(StateRecord.empty().withApplied(OBJECTS));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nodes.record("node-1"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nodes.directory("node-1"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nodes.record("node-1").getParent())))
                .isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(nodes.record("node-1").getParent())) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("record.json");
        }
    }

    @Test
    void readsAndWritesWithOneStateNodeDown() throws IOException {
        state(LAPTOP).write(StateRecord.empty().withApplied(OBJECTS));

        StateRecord second = state(CRON, "node-2").write(state(CRON, "node-2").read().withApplied(Map.of()));

        assertThat(second.generation()).isEqualTo(2);
        assertThat(generationOn("node-2")).isEqualTo(1);
        assertThat(state(LAPTOP, "node-1").read()).isEqualTo(second);
        assertThat(generationOn("node-2")).as("repaired by the read").isEqualTo(2);
    }

    @Test
    void losesNothingWhenOneStateNodeLosesItsDisk() throws IOException {
        StateRecord written = state(LAPTOP).write(StateRecord.empty().withApplied(OBJECTS));
        deleteTree(nodes.directory("node-3"));

        assertThat(state(CRON).read()).isEqualTo(written);
        assertThat(generationOn("node-3")).as("repaired by the read").isEqualTo(1);
    }

    @Test
    void failsNamingTheStateNodesWhenTwoOfThreeAreDown() throws IOException {
        state(LAPTOP).write(StateRecord.empty().withApplied(OBJECTS));
        ClusterState cut = state(CRON, "node-1", "node-3");

        assertThatThrownBy(cut::read)
                .isInstanceOf(StateUnavailableException.class)
                .hasMessageStartingWith("cannot read the cluster state: 2 of 3 state nodes failed (2 must answer): "
                        + "node-1 (127.0.0.1:")
                .hasMessageContaining("connection refused; node-3 (127.0.0.1:")
                .extracting(e -> ((StateUnavailableException) e).exitCode().code()).isEqualTo(3);
        assertThatThrownBy(() -> cut.write(StateRecord.empty().successor("x", null)))
                .isInstanceOf(StateUnavailableException.class)
                .hasMessageStartingWith("cannot write the cluster state: 2 of 3 state nodes failed (2 must answer): ");
    }

    @Test
    void bringsALaggingNodeUpToDateOnTheNextWrite() throws IOException {
        state(LAPTOP, "node-3").write(StateRecord.empty().withApplied(OBJECTS));
        assertThat(Files.exists(nodes.record("node-3"))).isFalse();

        ClusterState all = state(CRON);
        all.write(StateRecord.empty().successor("deploy@laptop", null).withApplied(Map.of()));

        assertThat(LoopbackStateNodes.NAMES.stream().map(node -> {
            try {
                return generationOn(node);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        })).containsExactly(2L, 2L, 2L);
    }

    @Test
    void refusesAWriteBasedOnARecordAnotherRunAlreadyReplaced() throws IOException {
        StateRecord read = state(LAPTOP).read();
        state(CRON).write(read.withApplied(Map.of("ConfigMap/default/cron", "{}")));

        assertThatThrownBy(() -> state(LAPTOP).write(read.withApplied(OBJECTS)))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("the cluster state changed while this run worked: node-1 holds generation 1, "
                        + "this run read 0; nothing was recorded, run the command again");
        assertThat(state(LAPTOP).read().applied()).containsOnlyKeys("ConfigMap/default/cron");
    }

    @Test
    void reportsAnUnreadableCopyAsAFailureOfItsNode() throws IOException {
        StateRecord written = state(LAPTOP).write(StateRecord.empty().withApplied(OBJECTS));
        Files.writeString(nodes.record("node-2"), "{\"generation\":9,");

        assertThat(state(CRON).read()).isEqualTo(written);
        assertThatThrownBy(() -> state(CRON, "node-1").read())
                .isInstanceOf(StateUnavailableException.class)
                .hasMessageContaining("node-2: cannot read the cluster state: its record.json is unreadable: ");
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
