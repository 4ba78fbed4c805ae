package dev.berth.exec.move;

import dev.berth.archive.TarCopy;
import dev.berth.docker.NodeCommands;
import dev.berth.error.BerthException;
import dev.berth.error.ClusterException;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.Convergence;
import dev.berth.model.Deployment;
import dev.berth.model.PersistentVolumeClaim;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Layout;
import dev.berth.plan.PendingReplica;
import dev.berth.plan.Planner;
import dev.berth.plan.Scope;
import dev.berth.ssh.CommandResult;
import dev.berth.ssh.SshTarget;
import dev.berth.state.ClaimBinding;
import dev.berth.state.ClusterEvent;
import dev.berth.state.ClusterState;
import dev.berth.state.Lease;
import dev.berth.state.StateRecord;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Moves a PersistentVolumeClaim's data to another node, under the run's lock, in an order that never loses it:
 * <ol>
 *   <li>the claim is bound, in the cluster-held record, to the node that has its data, so that a copy under way
 *       elsewhere never counts as the claim's;</li>
 *   <li>a first copy is made while the replicas that mount it still run;</li>
 *   <li>the record marks the claim moving, and a convergence removes those replicas (they leave the proxies'
 *       upstreams first);</li>
 *   <li>a final copy passes on what changed since the first (the whole tree again, into an emptied volume, when
 *       files were deleted meanwhile);</li>
 *   <li>what arrived is read back and its digest compared with the source's;</li>
 *   <li>the record binds the claim to the target, and a convergence starts the replicas there and waits until
 *       they are ready.</li>
 * </ol>
 * The source volume is never written to. A failure before step 6 settles the claim where it was and starts its
 * replicas there again; a run killed before step 6 leaves the record saying so, and the next run settles it the
 * same way ({@link StateRecord#settled()}). Replicas not ready on the target in time are moved back to the source,
 * whose data is as it was when they stopped. The source keeps its copy unless asked, or the claim's reclaim
 * policy is Delete.
 */
public final class VolumeMove {
    private final ClusterAccess access;
    private final ClusterState state;
    private final Convergence convergence;
    private final Planner planner;
    private final Clock clock;
    private final Consumer<String> notes;
    private final VolumeStream stream;
    private final NodeCalls calls;

    /** @param notes takes the lines a person follows the move by (stderr) */
    public VolumeMove(ClusterAccess access, ClusterState state, Convergence convergence, Planner planner, Clock clock,
                      Consumer<String> notes) {
        this.access = access;
        this.state = state;
        this.convergence = convergence;
        this.planner = planner;
        this.clock = clock;
        this.notes = notes;
        this.stream = new VolumeStream(access.transport());
        this.calls = new NodeCalls(access.transport(), notes);
    }

    /**
     * What to move where.
     *
     * @param deleteSource   the source's volume is removed once the replicas run on the target
     * @param bytesPerSecond the most each copy reads per second; 0 for no limit
     * @param timeout        how long the replicas may take to be ready on the target; null for the longest
     *                       {@code progressDeadlineSeconds} of the Deployments that mount the claim
     */
    public record Request(String namespace, String claim, String target, boolean deleteSource, long bytesPerSecond,
                          Duration timeout) {
        public String key() {
            return namespace + "/" + claim;
        }

        public String display() {
            return "persistentvolumeclaim/" + claim;
        }

        String volume() {
            return Layout.claimVolume(namespace, claim);
        }
    }

    /**
     * What a move did.
     *
     * @param from          the node the data was on
     * @param data          what was copied; null when the data was on the target already
     * @param sourceDeleted the source's volume was removed
     */
    public record Result(String claim, String from, String to, TarCopy.Summary data, boolean sourceDeleted) {
        public boolean moved() {
            return data != null;
        }

        /** The bytes of the files moved, as people read them: {@code 20.0 MiB}. */
        public String size() {
            return MoveProgress.size(data.dataBytes());
        }
    }

    /**
     * Checks {@code request} against the cluster as it is now, without the lock and touching nothing; returns the
     * node the claim's data is on.
     */
    public String check(Request request) {
        return checked(state.read(), request).source();
    }

    private ClaimPlace checked(StateRecord record, Request request) {
        ClaimPlace place = ClaimPlace.of(record, request, access);
        if (place.source().equals(request.target())) {
            return place;
        }
        List<PendingReplica> misfits = new MovePreview(planner, record, place.observed())
                .pendingOn(request.key(), place.users(), request.target());
        if (!misfits.isEmpty()) {
            throw new InvalidInputException("cannot move " + request.display() + " to " + request.target() + ": "
                    + String.join("; ", misfits.stream().map(p -> "deployment.apps/" + p.deployment()
                    .substring(p.deployment().indexOf('/') + 1) + " would not run there (" + p.reason() + ")")
                    .distinct().toList()) + "; nothing was touched");
        }
        return place;
    }

    /** Moves the claim's data as {@code request} says, under {@code lease}. */
    public Result move(Lease lease, Request request) {
        ClaimPlace place = checked(state.read(), request);
        if (place.source().equals(request.target())) {
            return new Result(request.claim(), place.source(), request.target(), null, false);
        }
        List<Deployment> users = place.users();
        Scope scope = Scope.of(users.stream().map(DesiredState::key).toList());
        String image = place.image(access.cluster());
        SshTarget source = access.node(place.source());
        SshTarget target = access.node(request.target());
        calls.run(source, NodeCommands.pullIfMissing(image), "finding the image to copy with");
        calls.run(target, NodeCommands.pullIfMissing(image), "pulling " + image);
        String from = place.source();
        convergence.update(lease, r -> r.withClaim(request.key(), bound(r, request.key(), from)));

        CopyPasses passes = new CopyPasses(calls, stream, notes, clock, request, image, source, target);
        TarCopy.Summary last;
        boolean stopped = false;
        try {
            passes.prepare();
            TarCopy.Summary first = passes.first();
            lease.ensureHeld();
            stopped = true;
            Convergence.Outcome stop = convergence.converge(lease, r -> r.withClaim(request.key(),
                    bound(r, request.key(), from).movingTo(request.target())), options(false, null, scope), Set.of());
            if (stop.failed()) {
                throw new ClusterException("stopping the replicas that mount it failed (see above)");
            }
            last = passes.last(first);
            passes.verify(last);
            lease.ensureHeld();
        } catch (RuntimeException e) {
            if (stopped) {
                settleBack(lease, request, from, scope);
            }
            String why = e.getMessage() + "; its data on " + from + " is unchanged"
                    + (stopped && !users.isEmpty() ? " and its replicas run there again" : "");
            event(lease, request, ClusterEvent.WARNING, "VolumeMoveFailed", "Not moved to " + request.target() + ": "
                    + why, from);
            throw new ClusterException(request.display() + " was not moved: " + why, e);
        } finally {
            passes.cleanUp();
        }

        Convergence.Outcome start = convergence.converge(lease, r -> r.withClaim(request.key(),
                bound(r, request.key(), from).movedTo(request.target(), true)), options(true,
                request.timeout() != null ? request.timeout() : place.longestDeadline(), scope), Set.of());
        if (start.failed() || !start.waited().ready()) {
            String why = start.failed() ? "a step failed (see above)" : "not ready in time: " + start.waited().missing();
            convergence.converge(lease, r -> r.withClaim(request.key(), new ClaimBinding(from, null,
                    withKept(r, request.key(), request.target()))), options(true, place.longestDeadline(), scope),
                    Set.of());
            String message = "copied to " + request.target() + ", but its replicas were " + why + "; they run on "
                    + from + " again with the data it had (the copy stays on " + request.target() + ")";
            event(lease, request, ClusterEvent.WARNING, "VolumeMoveFailed", message, from);
            throw new ClusterException(request.display() + " was " + message);
        }
        boolean delete = request.deleteSource()
                || PersistentVolumeClaim.DELETE.equals(place.claim().reclaimPolicy());
        boolean deleted = false;
        if (delete) {
            CommandResult removed = calls.call(source, NodeCommands.removeVolume(request.volume()));
            deleted = removed.succeeded();
            if (deleted) {
                convergence.update(lease, r -> r.withClaim(request.key(), bound(r, request.key(), request.target())
                        .without(from)));
            } else {
                notes.accept("warning: the old copy on " + from + " was not removed: " + removed.stderrText().strip());
            }
        }
        Result result = new Result(request.claim(), from, request.target(), last, deleted);
        event(lease, request, ClusterEvent.NORMAL, "VolumeMoved", "Moved from " + from + " to " + request.target()
                + ": " + result.size() + " in " + last.files() + " files, sha256 " + shortDigest(last.digest())
                + " on both" + (deleted ? "; the copy on " + from + " was removed" : ""), request.target());
        return result;
    }

    /** Records an event of the claim; one that cannot be stored is a warning, the move stands as it is. */
    private void event(Lease lease, Request request, String type, String reason, String message, String node) {
        try {
            lease.ensureHeld();
            state.recordEvents(List.of(ClusterEvent.of(type, reason, "PersistentVolumeClaim", request.namespace(),
                    request.claim(), message, node, clock.instant())));
        } catch (BerthException e) {
            notes.accept("warning: the move's event was not recorded: " + e.getMessage());
        }
    }

    /** After a failure once the replicas were stopped: the claim settled where it was, its replicas started there. */
    private void settleBack(Lease lease, Request request, String from, Scope scope) {
        try {
            convergence.converge(lease, r -> r.withClaim(request.key(), bound(r, request.key(), from)),
                    options(false, null, scope), Set.of());
        } catch (RuntimeException e) {
            notes.accept("warning: the replicas were not started again (" + e.getMessage() + "); the next "
                    + "berth reconcile starts them on " + from);
        }
    }

    /** The claim's binding with its data on {@code node} and no move under way, keeping the copies it knows. */
    private static ClaimBinding bound(StateRecord record, String key, String node) {
        return record.claim(key).map(b -> new ClaimBinding(node, null, b.kept())).orElse(ClaimBinding.on(node));
    }

    private static TreeSet<String> withKept(StateRecord record, String key, String node) {
        TreeSet<String> kept = new TreeSet<>(record.claim(key).map(ClaimBinding::kept).orElse(new TreeSet<>()));
        kept.add(node);
        return kept;
    }

    private static Convergence.Options options(boolean waitReady, Duration timeout, Scope scope) {
        return new Convergence.Options(false, Duration.ZERO, waitReady, timeout, true, scope);
    }

    static String shortDigest(String digest) {
        return digest.substring(0, 12);
    }
}
