package dev.berth.cli.attach;

import dev.berth.docker.AttachCommands;
import dev.berth.docker.LogRequest;
import dev.berth.exec.ClusterAccess;
import dev.berth.ssh.StreamOptions;
import dev.berth.ssh.StreamedCommand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code docker logs} streams of one run of {@code berth logs}, one per container, over the run's one
 * session per node. Following, it is told what the cluster looks like now and then: containers of new replicas
 * join, those of replicas that are gone leave, and a container docker started again is read again from its start,
 * each with a note on stderr.
 */
final class LogStreams {
    private final ClusterAccess access;
    private final LogLines lines;
    private final boolean prefixed;
    private final int maxFollowed;
    private final Map<String, Followed> followed = new LinkedHashMap<>();
    private final Set<String> refused = new HashSet<>();
    private final AtomicBoolean failed = new AtomicBoolean();

    LogStreams(ClusterAccess access, LogLines lines, boolean prefixed, int maxFollowed) {
        this.access = access;
        this.lines = lines;
        this.prefixed = prefixed;
        this.maxFollowed = maxFollowed;
    }

    /** A container being read: the start it was read from, and its stream once it runs. */
    private static final class Followed {
        final PodContainer source;
        final Instant startedAt;
        final CompletableFuture<Integer> exit;
        volatile StreamedCommand command;
        boolean noted;

        Followed(PodContainer source, CompletableFuture<Integer> exit) {
            this.source = source;
            this.startedAt = source.container().startedAt();
            this.exit = exit;
        }
    }

    /** Reads one container's log as {@code request} says; the future completes when its stream ended. */
    CompletableFuture<Integer> read(PodContainer source, LogRequest request) {
        LogLines.Source sink = lines.source(prefixed ? "[" + source.label() + "] " : "");
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Followed entry = new Followed(source, exit);
        followed.put(source.container().id(), entry);
        access.transport().stream(access.node(source.node()), AttachCommands.logs(source.container().id(), request),
                        sink, request.follow() ? StreamOptions.withInput() : StreamOptions.outputOnly())
                .thenCompose(command -> {
                    entry.command = command;
                    return command.exit();
                })
                .whenComplete((code, failure) -> {
                    sink.end();
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        lines.note("error: cannot read the log of " + source.label() + ": " + cause.getMessage());
                        failed.set(true);
                    } else if (code != 0 && !exit.isDone()) {
                        failed.set(true);
                    }
                    exit.complete(code == null ? -1 : code);
                });
        return exit;
    }

    /** Whether any stream could not be read, or docker refused one. */
    boolean failed() {
        return failed.get();
    }

    /** Waits for every stream started so far to end. */
    void awaitAll() {
        CompletableFuture.allOf(followed.values().stream().map(f -> f.exit).toArray(CompletableFuture[]::new)).join();
    }

    /**
     * The cluster now shows {@code current} on the nodes that answered ({@code silent} did not): containers of
     * new replicas join (read from their start), those gone from answering nodes leave.
     */
    void refresh(List<PodContainer> current, Set<String> silent, LogRequest request) {
        Map<String, PodContainer> byId = new LinkedHashMap<>();
        current.forEach(source -> byId.put(source.container().id(), source));
        for (Followed entry : new ArrayList<>(followed.values())) {
            if (!byId.containsKey(entry.source.container().id()) && !silent.contains(entry.source.node())) {
                leave(entry);
            }
        }
        for (PodContainer source : byId.values()) {
            Followed entry = followed.get(source.container().id());
            if (entry == null) {
                join(source, request);
            } else if (entry.exit.isDone()) {
                again(entry, source, request);
            }
        }
    }

    private void leave(Followed entry) {
        followed.remove(entry.source.container().id());
        StreamedCommand command = entry.command;
        if (command != null && !entry.exit.isDone()) {
            command.cancel();
        }
        entry.exit.complete(0);
        if (!entry.noted) {
            lines.note(entry.source.label() + " left (the replica is gone)");
        }
    }

    private void join(PodContainer source, LogRequest request) {
        long live = followed.values().stream().filter(f -> !f.exit.isDone()).count();
        if (live >= maxFollowed) {
            if (refused.add(source.container().id())) {
                lines.note("not following " + source.label() + ": already following " + live
                        + " log streams, the most --max-log-requests allows");
            }
            return;
        }
        refused.remove(source.container().id());
        lines.note("following " + source.label() + " on " + source.node() + " (new replica)");
        read(source, new LogRequest(true, Optional.empty(), Optional.empty(),
                Optional.empty(), -1, request.timestamps()));
    }

    /** A container whose stream ended: read again from its new start if docker started it again. */
    private void again(Followed entry, PodContainer source, LogRequest request) {
        Instant started = source.container().startedAt();
        if (source.container().running() && started != null && !Objects.equals(started, entry.startedAt)) {
            lines.note(source.label() + " started again; following it from its new start");
            read(source, request.startingAt(started));
        } else if (!source.container().running() && !entry.noted) {
            entry.noted = true;
            lines.note(source.label() + " left (its container " + source.container().status() + ")");
        }
    }

    /** Ends every stream: the run is over. */
    void cancelAll() {
        for (Followed entry : followed.values()) {
            StreamedCommand command = entry.command;
            if (command != null) {
                command.cancel();
            }
        }
    }
}
