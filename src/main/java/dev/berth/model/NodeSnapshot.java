package dev.berth.model;

import java.util.List;

/** One node as observed in one round trip: what its engine says of the machine, and berth's containers. */
public record NodeSnapshot(EngineFacts engine, List<ObservedContainer> containers) {
    public NodeSnapshot {
        containers = List.copyOf(containers);
    }
}
