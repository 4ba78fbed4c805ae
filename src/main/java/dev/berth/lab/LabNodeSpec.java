package dev.berth.lab;

import java.util.List;

/**
 * One node of a lab as berth creates it: node {@code index} is named {@code node-<index>}, has a fixed
 * address in the lab subnet, and node-1 carries the {@code edge} role (it runs the edge proxy).
 */
public record LabNodeSpec(int index, String name, String address, List<String> roles) {

    public LabNodeSpec {
        roles = List.copyOf(roles);
    }

    public static LabNodeSpec of(int index, Subnet subnet) {
        return new LabNodeSpec(index, "node-" + index, subnet.nodeAddress(index),
                index == 1 ? List.of("edge") : List.of());
    }
}
