package dev.berth.exec;

import dev.berth.error.BerthException;
import dev.berth.exec.probe.ProbeRunner;
import dev.berth.model.Deployment;
import dev.berth.plan.ClusterView;
import dev.berth.plan.DesiredState;
import dev.berth.plan.PendingReplica;
import dev.berth.plan.Plan;
import dev.berth.plan.Planner;
import dev.berth.state.ClusterState;
import dev.berth.state.StateRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The cluster as the observing verbs show it: every node observed, the desired state stored by the last run,
 * and the plan a converging run would make of them. Taken without the lock and without acting, so it may be
 * a moment out of date while another run works.
 *
 * @param observed      every node of the inventory, in inventory order, its containers' health as their probes
 *                      found it
 * @param record        the stored record; empty when it could not be read
 * @param recordProblem why the record could not be read, in one line; empty when it was read
 * @param desired       the stored desired state (empty when the record could not be read, and in a picture of
 *                      the nodes alone)
 * @param plan          what a run would do now; no actions and nothing pending when the record could not be read,
 *                      and in a picture of the nodes alone
 */
public record ClusterPicture(List<NodeObservation> observed, Optional<StateRecord> record, String recordProblem,
                             DesiredState desired, Plan plan) {

    private static final DesiredState NOTHING = new DesiredState(List.of(), List.of(), List.of(), List.of());
    private static final Plan NO_PLAN = new Plan(List.of(), List.of(), Map.of());

    public ClusterPicture {
        observed = List.copyOf(observed);
    }

    /**
     * Observes every node and probes its containers, reads the stored record and plans; a record that cannot be
     * read is reported, not fatal.
     */
    public static ClusterPicture take(ClusterAccess access, ClusterState state, Planner planner) {
        // the record is read while the nodes are observed: both wait on round trips, over the same sessions; it
        // usually comes first, and is decoded while the nodes' answers are still on their way
        CompletableFuture<Stored> stored = CompletableFuture.supplyAsync(() -> {
            StateRecord record = state.read();
            return new Stored(record, DesiredStates.of(DesiredStates.objects(record)));
        });
        List<NodeObservation> observed = new ProbeRunner(access, Clock.systemUTC())
                .probe(new ClusterObserver(access).observe());
        Stored read;
        try {
            read = joined(stored);
        } catch (BerthException e) {
            return new ClusterPicture(observed, Optional.empty(), e.getMessage(), NOTHING, NO_PLAN);
        }
        ClusterView view = ClusterViews.of(observed, read.record().cordoned(), Set.of(), Instant.MAX,
                read.record().claims());
        Plan plan = planner.plan(read.desired(), view, DesiredStates.revisions(read.record()));
        return new ClusterPicture(observed, Optional.of(read.record()), "", read.desired(), plan);
    }

    /** The record as read, and the desired state it stores. */
    private record Stored(StateRecord record, DesiredState desired) {
    }

    /**
     * Observes every node and reads the stored record, for a listing of the nodes alone ({@code get nodes}), which
     * shows neither the pods' readiness nor Pending replicas: the containers' health is not probed and the desired
     * state is neither decoded nor planned ({@link #desired()} and {@link #plan()} are empty). About a third of
     * the CPU of a {@code get nodes} on three nodes, and a round trip per node for the probes.
     */
    public static ClusterPicture ofNodes(ClusterAccess access, ClusterState state) {
        CompletableFuture<StateRecord> stored = CompletableFuture.supplyAsync(state::read);
        List<NodeObservation> observed = new ClusterObserver(access).observe();
        try {
            return new ClusterPicture(observed, Optional.of(joined(stored)), "", NOTHING, NO_PLAN);
        } catch (BerthException e) {
            return new ClusterPicture(observed, Optional.empty(), e.getMessage(), NOTHING, NO_PLAN);
        }
    }

    private static <T> T joined(CompletableFuture<T> stored) {
        try {
            return stored.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Whether the stored desired state could be read. */
    public boolean recordRead() {
        return record.isPresent();
    }

    /** Why each missing replica of one Deployment ({@code namespace/name}) cannot start, one entry per replica. */
    public List<String> pending(String deployment) {
        return plan.pending().stream().filter(p -> p.deployment().equals(deployment)).map(PendingReplica::reason)
                .toList();
    }

    /** The desired Deployment {@code namespace/name}, if the stored state holds it. */
    public Optional<Deployment> deployment(String key) {
        return desired.deployments().stream().filter(d -> DesiredState.key(d).equals(key)).findFirst();
    }
}
