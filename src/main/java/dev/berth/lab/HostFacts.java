package dev.berth.lab;

import java.util.Optional;
import java.util.Set;

/**
 * What {@code lab up} found on this machine before touching anything.
 *
 * @param engineProblem why no Docker engine answered, empty when one did
 * @param root          whether berth runs as root (building the node image needs it)
 * @param present       the programs found
 */
public record HostFacts(Optional<String> engineProblem, boolean root, Set<HostProgram> present) {
    public HostFacts {
        present = Set.copyOf(present);
    }
}
