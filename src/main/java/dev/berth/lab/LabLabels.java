package dev.berth.lab;

/** The Docker labels every lab container carries, so that a lab can be found without any state file. */
final class LabLabels {
    /** The lab's name, on every container and the network. */
    static final String LAB = "dev.berth.lab";
    /** {@code node} or {@code registry}. */
    static final String ROLE = "dev.berth.lab.role";
    /** The node's name, e.g. {@code node-2}. */
    static final String NODE = "dev.berth.lab.node";
    /** The node's fixed address on the lab network. */
    static final String ADDRESS = "dev.berth.lab.address";
    /** The node's berth roles, comma-separated (e.g. {@code edge}). */
    static final String ROLES = "dev.berth.lab.roles";
    /** The fingerprint of the key the node authorizes: a node made for another key is replaced. */
    static final String KEY = "dev.berth.lab.key";

    private LabLabels() {
    }
}
