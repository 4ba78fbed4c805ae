package dev.berth.testing;

import dev.berth.docker.FakeDocker;
import dev.berth.docker.FakeRegistry;
import dev.berth.ssh.CommandResult;
import dev.berth.state.InMemoryStateNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One server of a {@link FakeCluster}: answers recorded by the test first, then its copy of the cluster's state
 * and lock, then its Docker engine. A command none of them knows has no answer at all.
 */
public final class FakeNode {
    private final String name;
    private final String address;
    private final InMemoryStateNode state;
    private final FakeDocker docker;
    private final List<Recorded> recorded = new ArrayList<>();
    private volatile String unreachable;

    FakeNode(String name, String address, String home, Clock clock, FakeRegistry registry) {
        this.name = name;
        this.address = address;
        this.state = new InMemoryStateNode(clock);
        this.docker = new FakeDocker(name, home, clock, registry);
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public InMemoryStateNode state() {
        return state;
    }

    public FakeDocker docker() {
        return docker;
    }

    /** From now on {@code argv} exactly gets {@code exitCode}, {@code stdout} and {@code stderr}. */
    public FakeNode answer(List<String> argv, int exitCode, String stdout, String stderr) {
        return answer(argv::equals, exitCode, stdout, stderr);
    }

    /** From now on every argv that {@code matches} gets {@code exitCode}, {@code stdout} and {@code stderr}. */
    public synchronized FakeNode answer(Predicate<List<String>> matches, int exitCode, String stdout, String stderr) {
        recorded.add(0, new Recorded(matches, new CommandResult(exitCode, stdout.getBytes(StandardCharsets.UTF_8),
                stderr.getBytes(StandardCharsets.UTF_8))));
        return this;
    }

    /** From now on no connection reaches this node; every call fails with {@code reason}. */
    public FakeNode unreachable(String reason) {
        this.unreachable = reason;
        return this;
    }

    Optional<String> unreachableBecause() {
        return Optional.ofNullable(unreachable);
    }

    synchronized Optional<CommandResult> answer(List<String> argv, byte[] stdin) {
        for (Recorded answer : recorded) {
            if (answer.matches().test(argv)) {
                return Optional.of(answer.result());
            }
        }
        Optional<CommandResult> answer = state.answer(argv, stdin);
        return answer.isPresent() ? answer : docker.answer(argv, stdin);
    }

    private record Recorded(Predicate<List<String>> matches, CommandResult result) {
    }
}
