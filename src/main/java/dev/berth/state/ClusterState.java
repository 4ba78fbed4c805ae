package dev.berth.state;

import dev.berth.ssh.FanOut;
import dev.berth.ssh.NodeResult;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.Transport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What berth remembers, held by the cluster itself: a record replicated on the state nodes and read and written
 * by majority, and the lease lock that lets one run at a time change the cluster. Nothing is kept on the machine
 * that runs berth: two laptops and a cron job see the same record and take the same lock.
 *
 * <p>A run that changes the cluster: {@code try (Lease lease = state.acquire(wait)) { StateRecord now =
 * state.read(); ...; state.write(now.withApplied(objects)); }}.
 */
public final class ClusterState {
    private final StateNodeCalls calls;
    private final StateSettings settings;
    private final Holder holder;
    private final Clock clock;
    private final ClusterLock lock;

    /**
     * @param stateNodes the nodes that hold state, see {@link StateNodes#of}
     * @param holder     who runs berth: the lock's holder and the record's writer
     */
    public ClusterState(Transport transport, FanOut fanOut, List<SshTarget> stateNodes, Holder holder, Clock clock,
                        StateSettings settings) {
        this.calls = new StateNodeCalls(transport, fanOut, stateNodes);
        this.settings = settings;
        this.holder = holder;
        this.clock = clock;
        this.lock = new ClusterLock(calls, settings, holder, clock.getZone());
    }

    /**
     * The newest record a majority of state nodes stands for ({@link StateRecord#empty()} on a new cluster).
     * State nodes found behind it are brought up to date on the way.
     *
     * @throws StateUnavailableException when fewer than a majority answer (exit 3)
     */
    public StateRecord read() {
        List<NodeResult<ReplicaAnswer>> results = calls.run(node -> StateScripts.read(settings.directory().apply(node)),
                "read the cluster state", StateCopies::answer);
        Quorum.ReadOutcome outcome = Quorum.read(StateCopies.answers(results));
        if (!outcome.lagging().isEmpty()) {
            // read repair: a node that is behind gets the newest copy, unless it moved on meanwhile
            byte[] content = StateJson.write(outcome.record());
            calls.runOn(outcome.lagging(), node -> StateScripts.write(settings.directory().apply(node),
                    outcome.record().generation() - 1, content.length), content, "repair the cluster state",
                    stdout -> stdout);
        }
        return outcome.record();
    }

    /**
     * Stores {@code changed}, a record derived from the one {@link #read()} returned, as the next generation on
     * every state node; it counts once a majority took it. Nodes that were behind are brought up to date.
     *
     * @return the record as stored: one generation on, stamped with the holder and the time
     * @throws StateConflictException    when another run wrote after {@code changed}'s generation (exit 3)
     * @throws StateUnavailableException when fewer than a majority took it (exit 3)
     */
    public StateRecord write(StateRecord changed) {
        StateRecord next = changed.successor(holder.who(), clock.instant());
        byte[] content = StateJson.write(next);
        List<NodeResult<String>> results = calls.run(
                node -> StateScripts.write(settings.directory().apply(node), changed.generation(), content.length),
                content, "write the cluster state", stdout -> new String(stdout, StandardCharsets.UTF_8));
        Quorum.confirmWrite(StateCopies.writeAnswers(results), changed.generation());
        return next;
    }

    /**
     * The events berth's runs recorded, oldest first: the newest copy a majority of state nodes holds. Read only by
     * the verbs that show them, never with the record.
     *
     * @throws StateUnavailableException when fewer than a majority answer (exit 3)
     */
    public EventLog readEvents() {
        return EventCopies.newest(calls.run(node -> StateScripts.readEvents(settings.directory().apply(node)),
                "read the events", EventCopies::answer));
    }

    /**
     * Adds what a run did and saw to the cluster's events, folding repeats and dropping the oldest beyond
     * {@link EventLog#LIMIT}; nothing at all is read or written when {@code happened} is empty. Call it while
     * holding the lock.
     *
     * @throws StateConflictException    when another run wrote the events meanwhile (exit 3)
     * @throws StateUnavailableException when fewer than a majority answer (exit 3)
     */
    public void recordEvents(List<ClusterEvent> happened) {
        if (happened.isEmpty()) {
            return;
        }
        EventLog current = readEvents();
        EventLog next = current.with(happened, EventLog.LIMIT).successor();
        byte[] content = StateJson.write(next);
        List<NodeResult<String>> results = calls.run(
                node -> StateScripts.writeEvents(settings.directory().apply(node), current.generation(), content.length),
                content, "write the events", stdout -> new String(stdout, StandardCharsets.UTF_8));
        Quorum.confirmWrite(StateCopies.writeAnswers(results), current.generation());
    }

    /**
     * Takes the cluster's lock, waiting up to {@code wait} for another run to give it up ({@link Duration#ZERO}:
     * fail at once). The lease is renewed until closed.
     *
     * @throws LockHeldException         when another run holds it (exit 3, naming the holder)
     * @throws StateUnavailableException when fewer than a majority of state nodes answer (exit 3)
     */
    public Lease acquire(Duration wait) {
        return lock.acquire(wait);
    }

    /** The lock as each state node sees it. */
    public LockStatus status() {
        return LockStatus.of(lock.status());
    }

    /** Removes the lock from every state node that answers, whoever holds it; says what was removed. */
    public LockStatus release() {
        return LockStatus.of(lock.release(""));
    }
}
