package dev.berth.bench.fleet;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator answers berth's own scripts as the scripts would on a node. */
class SimulatedShellTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_000_000), ZoneOffset.UTC);
    private static final String DIRECTORY = "case $1 in /*) d=$1 ;; *) d=$HOME/$1 ;; esac; ";

    private final SimulatedNode node = SimulatedNode.of(0, 0);

    private SimulatedShell.Answer run(String stdin, String... argv) {
        StringBuilder line = new StringBuilder();
        for (String word : argv) {
            line.append(line.isEmpty() ? "" : " ").append('\'').append(word.replace("'", "'\\''")).append('\'');
        }
        return new SimulatedShell(node, CLOCK, MutationLog.discarding(), stdin).run(line.toString());
    }

    @Test
    void aStateReadOfANewNodeIsEmptyAndAWriteIsReadBack() {
        assertThat(run("", "sh", "-c", DIRECTORY + "cat", "berth-state-read", ".berth")).isEqualTo(SimulatedShell.Answer.ok(""));

        assertThat(run("{\"generation\":1}\n", "sh", "-c", DIRECTORY + "write", "berth-state-write", ".berth", "0").out())
                .isEqualTo("written\n");
        assertThat(run("", "sh", "-c", DIRECTORY + "cat", "berth-state-read", ".berth").out()).isEqualTo("{\"generation\":1}\n");
    }

    @Test
    void aWriteBasedOnAnOlderGenerationIsRefused() {
        run("{\"generation\":5,\"x\":1}\n", "sh", "-c", "w", "berth-state-write", ".berth", "4");

        assertThat(run("{\"generation\":3}\n", "sh", "-c", "w", "berth-state-write", ".berth", "2").out()).isEqualTo("refused 5\n");
    }

    @Test
    void theWriteScriptIsAnsweredOnlyAfterItsInput() {
        assertThat(SimulatedShell.readsInput("'sh' '-c' 'x' 'berth-state-write' '.berth' '0'")).isTrue();
        assertThat(SimulatedShell.readsInput("'sh' '-c' 'x' 'berth-state-read' '.berth'")).isFalse();
    }

    @Test
    void aLeaseHeldByAnotherIsReportedUntilItIsReleased() {
        assertThat(run("", "sh", "-c", "a", "berth-lock-acquire", ".berth", "t1", "60", "me@host", "apply", "42").out())
                .startsWith("acquired 1000000\ntoken=t1\n").contains("expires=1000060");

        assertThat(run("", "sh", "-c", "a", "berth-lock-acquire", ".berth", "t2", "60", "you@host", "apply", "43").out())
                .startsWith("held 1000000\ntoken=t1\n");
        assertThat(run("", "sh", "-c", "r", "berth-lock-release", ".berth", "t2").out()).startsWith("other 1000000\n");
        assertThat(run("", "sh", "-c", "r", "berth-lock-release", ".berth", "t1").out()).startsWith("released 1000000\n");
        assertThat(run("", "sh", "-c", "s", "berth-lock-status", ".berth").out()).isEqualTo("free 1000000\n");
    }

    @Test
    void dockerRunStartsAContainerTheProbeThenSeesAndRemoveContainerRemovesIt() {
        String id = run("", "docker", "run", "--detach", "--name", "default_app-1-abc_app", "--label", "berth.dev/managed=true",
                "--label", "berth.dev/pod=app-1-abc", "--restart", "unless-stopped", "--network", "berth",
                "registry.example.com/app-1:1.0").out().strip();

        assertThat(node.containers()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.labels()).containsEntry("berth.dev/pod", "app-1-abc");
            assertThat(c.image()).isEqualTo("registry.example.com/app-1:1.0");
        });
        assertThat(run("", "sh", "-c", "docker stop \"$1\" >/dev/null 2>&1; docker rm --force \"$1\"", "sh", id).exitCode()).isZero();
        assertThat(node.containers()).isEmpty();
    }

    @Test
    void ensureNetworkCreatesTheNetworkOnce() {
        String script = "docker network inspect \"$1\" >/dev/null 2>&1 || docker network create \"$1\"";

        run("", "sh", "-c", script, "sh", "berth");
        run("", "sh", "-c", script, "sh", "berth");

        assertThat(node.networks()).containsExactly("berth");
    }

    @Test
    void theFleetLosesEveryNthContainer() {
        List<SimulatedNode> nodes = List.of(SimulatedNode.of(0, 3), SimulatedNode.of(1, 3));

        assertThat(new NodeDirectory(nodes).removeEvery(2)).isEqualTo(3);
        assertThat(nodes.get(0).containers()).hasSize(2);
        assertThat(nodes.get(1).containers()).hasSize(1);
    }
}
