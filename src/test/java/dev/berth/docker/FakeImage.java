package dev.berth.docker;

import dev.berth.ssh.CommandResult;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An image as the fake registry knows it, the same for every node: whether it can be pulled, and what its
 * containers do once started: how they answer on their ports ({@link FakeApp}) and to {@code docker exec},
 * whether they crash at start, and what they log. Tests change an image between runs of berth.
 */
public final class FakeImage {
    private final String name;
    private boolean published = true;
    private FakeApp app = FakeApp.serving(200);
    private Integer crashExitCode;
    private List<String> log = List.of();
    private CommandResult exec = new CommandResult(0, new byte[0], new byte[0]);

    FakeImage(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The registry has no such tag: a pull fails as docker's does ({@code manifest unknown}). */
    public synchronized FakeImage notInRegistry() {
        published = false;
        return this;
    }

    /** Its containers answer on their ports as {@code answering} says. */
    public synchronized FakeImage serves(FakeApp answering) {
        app = answering;
        return this;
    }

    /** Its containers exit with {@code exitCode} as soon as they start, and Docker keeps restarting them. */
    public synchronized FakeImage crashLoops(int exitCode) {
        crashExitCode = exitCode;
        return this;
    }

    /** What {@code docker logs} shows of its containers. */
    public synchronized FakeImage logs(String... lines) {
        log = List.of(lines);
        return this;
    }

    /** What {@code docker exec} in its containers answers, whatever the command. */
    public synchronized FakeImage execs(int exitCode, String stdout) {
        exec = new CommandResult(exitCode, stdout.getBytes(StandardCharsets.UTF_8), new byte[0]);
        return this;
    }

    synchronized boolean published() {
        return published;
    }

    synchronized FakeApp app() {
        return app;
    }

    /** The exit code its containers crash with; null when they run. */
    synchronized Integer crashExitCode() {
        return crashExitCode;
    }

    synchronized List<String> log() {
        return log;
    }

    synchronized CommandResult exec() {
        return exec;
    }

    /** Docker's words for a tag the registry does not have. */
    String manifestUnknown() {
        return "Error response from daemon: manifest for " + name + " not found: manifest unknown: manifest unknown";
    }
}
