package dev.berth.state;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What berth remembers about a cluster, kept on its state nodes: the objects the last apply stored (what
 * {@code reconcile} converges to) and the rollout revisions of every Deployment. Each successful write raises
 * {@code generation} by one; generation 0 is a cluster berth has never written to.
 *
 * @param applied   the stored manifests by {@code kind/namespace/name}, each the normalized object as JSON text;
 *                  Secret values included, so the record is never printed
 * @param revisions the revision history by deployment key {@code namespace/name}, oldest first
 * @param cordoned  the nodes no new replica may be placed on ({@code berth cordon})
 * @param claims    where the data of each moved PersistentVolumeClaim is, by {@code namespace/claim}, kept when
 *                  the claim is deleted; a claim berth never moved has no entry, and is where its Docker volume is
 */
@JsonPropertyOrder({"generation", "writtenBy", "writtenAt", "applied", "revisions", "cordoned", "claims"})
public record StateRecord(long generation, String writtenBy, Instant writtenAt, SortedMap<String, String> applied,
                          SortedMap<String, List<StoredRevision>> revisions, SortedSet<String> cordoned,
                          SortedMap<String, ClaimBinding> claims) {

    public StateRecord(long generation, String writtenBy, Instant writtenAt, SortedMap<String, String> applied,
                       SortedMap<String, List<StoredRevision>> revisions, SortedSet<String> cordoned) {
        this(generation, writtenBy, writtenAt, applied, revisions, cordoned, null);
    }

    public StateRecord(long generation, String writtenBy, Instant writtenAt, SortedMap<String, String> applied,
                       SortedMap<String, List<StoredRevision>> revisions) {
        this(generation, writtenBy, writtenAt, applied, revisions, null);
    }

    public StateRecord {
        if (generation < 0) {
            throw new IllegalArgumentException("a generation cannot be negative, got " + generation);
        }
        applied = applied == null ? new TreeMap<>() : new TreeMap<>(applied);
        TreeMap<String, List<StoredRevision>> copied = new TreeMap<>();
        if (revisions != null) {
            revisions.forEach((key, history) -> copied.put(key, List.copyOf(history)));
        }
        revisions = copied;
        cordoned = cordoned == null ? new TreeSet<>() : new TreeSet<>(cordoned);
        claims = claims == null ? new TreeMap<>() : new TreeMap<>(claims);
    }

    /** The record of a cluster berth has never written to. */
    public static StateRecord empty() {
        return new StateRecord(0, null, null, null, null);
    }

    /**
     * This record with {@code objects} as the stored desired state. The bindings of claims no longer stored stay:
     * a claim created again with the same name finds its data where a move left it, not an older copy.
     */
    public StateRecord withApplied(Map<String, String> objects) {
        return new StateRecord(generation, writtenBy, writtenAt, new TreeMap<>(objects), revisions, cordoned, claims);
    }

    /** This record with {@code binding} for the claim {@code namespace/claim}. */
    public StateRecord withClaim(String claim, ClaimBinding binding) {
        TreeMap<String, ClaimBinding> next = new TreeMap<>(claims);
        next.put(claim, binding);
        return new StateRecord(generation, writtenBy, writtenAt, applied, revisions, cordoned, next);
    }

    /**
     * This record with no move under way: a binding still moving was left by a run killed before its move
     * finished, and the data is where it was.
     */
    public StateRecord settled() {
        if (claims.values().stream().noneMatch(ClaimBinding::moving)) {
            return this;
        }
        TreeMap<String, ClaimBinding> next = new TreeMap<>(claims);
        next.replaceAll((claim, binding) -> binding.settled());
        return new StateRecord(generation, writtenBy, writtenAt, applied, revisions, cordoned, next);
    }

    /**
     * This record with a revision for the pod template whose hash is {@code specHash} (see
     * {@link RevisionHistory#record}); nothing changes when it is already the newest revision.
     */
    public StateRecord withRevision(String deployment, String specHash, JsonNode template, String changeCause,
                                    Instant now, int revisionHistoryLimit) {
        TreeMap<String, List<StoredRevision>> next = new TreeMap<>(revisions);
        next.put(deployment, RevisionHistory.record(revisions(deployment), specHash, template, changeCause, now,
                revisionHistoryLimit));
        return new StateRecord(generation, writtenBy, writtenAt, applied, next, cordoned, claims);
    }

    /** This record without the history of a deleted Deployment. */
    public StateRecord withoutRevisions(String deployment) {
        TreeMap<String, List<StoredRevision>> next = new TreeMap<>(revisions);
        next.remove(deployment);
        return new StateRecord(generation, writtenBy, writtenAt, applied, next, cordoned, claims);
    }

    /** This record with {@code node} cordoned ({@code true}) or schedulable again ({@code false}). */
    public StateRecord withCordon(String node, boolean cordon) {
        TreeSet<String> next = new TreeSet<>(cordoned);
        if (cordon) {
            next.add(node);
        } else {
            next.remove(node);
        }
        return new StateRecord(generation, writtenBy, writtenAt, applied, revisions, next, claims);
    }

    /** The binding of the claim {@code namespace/claim}, if it was ever moved. */
    public Optional<ClaimBinding> claim(String claim) {
        return java.util.Optional.ofNullable(claims.get(claim));
    }

    /** The revisions of one Deployment, oldest first; empty when it has none. */
    public List<StoredRevision> revisions(String deployment) {
        return revisions.getOrDefault(deployment, List.of());
    }

    /** The record that follows this one: one generation on, stamped with its writer and time. */
    StateRecord successor(String writer, Instant at) {
        return new StateRecord(generation + 1, writer, at, applied, revisions, cordoned, claims);
    }

    /** Whether two records hold the same content, whoever wrote them and when. */
    boolean sameContent(StateRecord other) {
        return applied.equals(other.applied) && revisions.equals(other.revisions) && cordoned.equals(other.cordoned)
                && claims.equals(other.claims);
    }

    /** Never the stored manifests: they hold Secret values. */
    @Override
    public String toString() {
        return "StateRecord[generation " + generation + ", written by " + writtenBy + " at " + writtenAt + ", "
                + applied.size() + " objects, " + revisions.size() + " deployments with revisions, " + cordoned.size()
                + " cordoned]";
    }
}
