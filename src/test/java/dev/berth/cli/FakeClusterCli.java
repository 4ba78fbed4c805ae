package dev.berth.cli;

import dev.berth.testing.FakeCluster;
import dev.berth.testing.ManualClock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * berth's real command tree, in-process, against a {@link FakeCluster} of two servers instead of SSH: node-1
 * (edge, zone a) and node-2 (zone b), both state nodes. The clock stands still until a test moves it and replica
 * names come from a fixed seed, so that every output is the same on every run. A run that waits (a rollout)
 * moves the clock on instead, and then calls the test's {@link #whilePausing} hook.
 */
public final class FakeClusterCli {
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private static final String INVENTORY = """
            apiVersion: berth.dev/v1
            kind: Cluster
            metadata:
              name: fake
            spec:
              ssh:
                user: deploy
              nodes:
                - name: node-1
                  address: 10.0.0.11
                  roles: [edge]
                  labels: {zone: a}
                - name: node-2
                  address: 10.0.0.12
                  labels: {zone: b}
            """;

    private final ManualClock clock = new ManualClock(START);
    private final FakeCluster cluster = new FakeCluster(clock);
    private final CliRunner runner;
    private volatile Runnable pausing = () -> { };

    public FakeClusterCli(Path directory) throws IOException {
        cluster.add("node-1", "10.0.0.11");
        cluster.add("node-2", "10.0.0.12");
        Path inventory = Files.writeString(directory.resolve("cluster.yaml"), INVENTORY);
        runner = new CliRunner().home(directory).env("USER", "alice").env("HOSTNAME", "laptop")
                .env("BERTH_CLUSTER", inventory.toString())
                .clock(clock).podNames(8).transports(cluster.opener())
                .pause(duration -> {
                    clock.advance(duration);
                    pausing.run();
                });
    }

    public FakeCluster cluster() {
        return cluster;
    }

    public ManualClock clock() {
        return clock;
    }

    /** From now on each wait of a run, once the clock moved on, calls {@code hook}. */
    public void whilePausing(Runnable hook) {
        this.pausing = hook;
    }

    /** The standard input of the runs from now on. */
    public FakeClusterCli stdin(String text) {
        runner.stdin(text);
        return this;
    }

    /** The runs from now on are on a terminal ({@code true}) or not. */
    public FakeClusterCli interactive(boolean terminal) {
        runner.interactive(terminal);
        return this;
    }

    /** Runs berth with {@code input} on its stdin (for {@code -f -}), otherwise as {@link #berth}. */
    public CliRunner.Result berthWithInput(String input, String... args) {
        runner.stdin(input);
        try {
            return berth(args);
        } finally {
            runner.stdin("");
        }
    }

    /** Runs berth; fails the test when berth sent a command that no fake node has an answer for. */
    public CliRunner.Result berth(String... args) {
        CliRunner.Result result = runner.run(args);
        List<String> unanswered = cluster.unanswered();
        assertThat(unanswered).as("commands no fake node knows, in:%n%s", result).isEmpty();
        return result;
    }
}
