package dev.berth.model;

import java.util.List;

/**
 * One node as observed in one round trip: what its engine says of the machine, berth's containers, the SSH
 * user's home directory (where berth keeps its files on the node) and berth's Docker volumes.
 */
public record NodeSnapshot(EngineFacts engine, List<ObservedContainer> containers, String homeDirectory,
                           List<String> volumes) {
    public NodeSnapshot {
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
    }
}
