package dev.berth.exec.probe;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one run has seen of each container's probes, in memory: a run that observes several times (a rollout
 * polls) counts consecutive results; a container that restarted (another {@code startedAt}) starts afresh.
 * Results arrive on the transport's threads, hence the locking.
 */
final class ProbeHistory {
    /** The three probes of a container. */
    enum Kind {
        READINESS("readiness"), LIVENESS("liveness"), STARTUP("startup");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        String word() {
            return word;
        }
    }

    private final Map<String, Entry> containers = new HashMap<>();

    /** The states of one container's probes, as of its current start. */
    record States(Map<Kind, ProbeState> byKind) {
        States {
            byKind = Map.copyOf(byKind);
        }

        ProbeState of(Kind kind) {
            return byKind.getOrDefault(kind, ProbeState.NEVER);
        }
    }

    private static final class Entry {
        private final Instant startedAt;
        private final Map<Kind, ProbeState> states = new EnumMap<>(Kind.class);

        Entry(Instant startedAt) {
            this.startedAt = startedAt;
        }
    }

    synchronized States states(String containerId, Instant startedAt) {
        return new States(entry(containerId, startedAt).states);
    }

    synchronized void put(String containerId, Instant startedAt, Kind kind, ProbeState state) {
        entry(containerId, startedAt).states.put(kind, state);
    }

    private Entry entry(String containerId, Instant startedAt) {
        Entry entry = containers.get(containerId);
        if (entry == null || !Objects.equals(entry.startedAt, startedAt)) {
            entry = new Entry(startedAt);
            containers.put(containerId, entry);
        }
        return entry;
    }
}
