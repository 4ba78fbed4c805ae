package dev.berth.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which node holds a PersistentVolumeClaim's data, once berth has moved it or is moving it. A claim without a
 * binding is where its Docker volume is; after a move the source node still has a volume of the same name, so
 * the binding is what says which copy is the claim's.
 *
 * @param node     the node whose volume is the claim's data; its replicas run there
 * @param movingTo the node a move in progress copies the data to; while it is set the claim's replicas are
 *                 stopped. Only the run holding the lock sets it: any other run that finds it clears it, since
 *                 the move that set it was killed before it finished
 * @param kept     nodes that still hold an older copy of the data, left by a move (kept until deleted by hand or
 *                 by the claim's reclaim policy)
 */
@JsonPropertyOrder({"node", "movingTo", "kept"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ClaimBinding(String node, String movingTo, SortedSet<String> kept) {
    public ClaimBinding {
        if (node == null || node.isEmpty()) {
            throw new IllegalArgumentException("a claim binding needs a node");
        }
        kept = kept == null ? new TreeSet<>() : new TreeSet<>(kept);
        kept.remove(node);
    }

    /** The claim's data on {@code node}, with no move under way and no older copy. */
    public static ClaimBinding on(String node) {
        return new ClaimBinding(node, null, null);
    }

    public boolean moving() {
        return movingTo != null;
    }

    /** This binding with a move to {@code target} under way. */
    public ClaimBinding movingTo(String target) {
        return new ClaimBinding(node, target, kept);
    }

    /** This binding with no move under way, the data where it was. */
    public ClaimBinding settled() {
        return new ClaimBinding(node, null, kept);
    }

    /** The data now on {@code target}; the old node keeps its copy when {@code keepSource}. */
    public ClaimBinding movedTo(String target, boolean keepSource) {
        TreeSet<String> copies = new TreeSet<>(kept);
        copies.remove(target);
        if (keepSource) {
            copies.add(node);
        }
        return new ClaimBinding(target, null, copies);
    }

    /** This binding without the older copy on {@code copyNode}, once that copy is deleted. */
    public ClaimBinding without(String copyNode) {
        TreeSet<String> copies = new TreeSet<>(kept);
        copies.remove(copyNode);
        return new ClaimBinding(node, movingTo, copies);
    }
}
