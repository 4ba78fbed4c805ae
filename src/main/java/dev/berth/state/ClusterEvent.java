package dev.berth.state;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a run of berth did or saw, shaped like Kubernetes' core/v1 Event: of an object (a Pod, a Deployment,
 * a Node), a {@code Normal} or {@code Warning}, with a reason word and a message. Repeated, it is the same event
 * again: {@link #again} counts it and moves its last timestamp, as Kubernetes folds repeated events.
 *
 * @param kind      {@code Pod}, {@code Deployment} or {@code Node}
 * @param namespace the object's namespace; empty for a Node
 * @param node      the node it happened on (the event's source host); empty when it is about no one node
 */
@JsonPropertyOrder({"type", "reason", "kind", "namespace", "name", "message", "count", "firstTimestamp",
        "lastTimestamp", "node"})
public record ClusterEvent(String type, String reason, String kind, String namespace, String name, String message,
                           int count, Instant firstTimestamp, Instant lastTimestamp, String node) {
    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";
    /** The component that reports every event: the source of Kubernetes' events. */
    public static final String COMPONENT = "berth";

    public ClusterEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        namespace = Objects.requireNonNullElse(namespace, "");
        message = Objects.requireNonNullElse(message, "");
        node = Objects.requireNonNullElse(node, "");
        if (count < 1) {
            throw new IllegalArgumentException("an event happened at least once, got count " + count);
        }
    }

    /** An event that happened once, at {@code at}. */
    public static ClusterEvent of(String type, String reason, String kind, String namespace, String name,
                                  String message, String node, Instant at) {
        return new ClusterEvent(type, reason, kind, namespace, name, message, 1, at, at, node);
    }

    /** Whether {@code other} is this event again: the same object, type, reason, message and node. */
    public boolean sameAs(ClusterEvent other) {
        return type.equals(other.type) && reason.equals(other.reason) && kind.equals(other.kind)
                && namespace.equals(other.namespace) && name.equals(other.name) && message.equals(other.message)
                && node.equals(other.node);
    }

    /** This event, seen again as {@code later}: counted, its last timestamp moved on. */
    public ClusterEvent again(ClusterEvent later) {
        return new ClusterEvent(type, reason, kind, namespace, name, message, count + later.count, firstTimestamp,
                later.lastTimestamp, node);
    }

    /** Whether it is about {@code kind} {@code namespace/name}, e.g. {@code Pod}, {@code shop}, {@code web-x7k2p}. */
    public boolean about(String objectKind, String objectNamespace, String objectName) {
        return kind.equals(objectKind) && namespace.equals(Objects.requireNonNullElse(objectNamespace, ""))
                && name.equals(objectName);
    }

    /** The namespace the event itself is listed in: its object's, and {@code default} for a Node's, as Kubernetes. */
    public String listedIn() {
        return namespace.isEmpty() ? "default" : namespace;
    }
}
