package dev.berth.lab;

import java.util.Arrays;
import java.util.List;

/**
 * A container of a lab as {@code docker ps} reports it.
 *
 * @param state   docker's state: running, exited, created, paused, restarting, dead
 * @param image   the image reference, or an image id when the tag has since moved to a newer image
 * @param role    {@code node} or {@code registry}
 * @param node    the node's name (nodes only)
 * @param address the node's fixed address (nodes only)
 * @param roles   the node's berth roles (nodes only)
 * @param key     the fingerprint of the key the node authorizes (nodes only)
 */
public record LabContainer(String name, String state, String image, String role, String node, String address,
                           List<String> roles, String key) {

    public LabContainer {
        roles = List.copyOf(roles);
    }

    public boolean running() {
        return state.equals("running");
    }

    public boolean isNode() {
        return role.equals("node");
    }

    public boolean isRegistry() {
        return role.equals("registry");
    }

    /** The node's number from its name, {@code node-3} -> 3; 0 when it is no node. */
    public int index() {
        if (!node.startsWith("node-")) {
            return 0;
        }
        try {
            return Integer.parseInt(node.substring("node-".length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static LabContainer parse(String line) {
        String[] f = Arrays.copyOf(line.split("\t", -1), 8);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i] == null ? "" : f[i].strip();
        }
        List<String> roles = f[6].isEmpty() ? List.of() : List.of(f[6].split(","));
        return new LabContainer(f[0], f[1], f[2], f[3], f[4], f[5], roles, f[7]);
    }
}
