package dev.berth.lab;

import dev.berth.error.ClusterException;

import java.util.List;

/** The lab's known_hosts: each node's host key pinned by its address, in OpenSSH's format. */
public final class KnownHosts {
    private KnownHosts() {
    }

    /** A pinned host key of one node. */
    public record Entry(String address, String hostKeyLine) {
    }

    public static String render(List<Entry> entries) {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append(line(entry.address(), entry.hostKeyLine())).append('\n');
        }
        return text.toString();
    }

    /**
     * One line, {@code ADDRESS TYPE KEY}, from the content of a host's {@code ssh_host_*_key.pub}
     * (whose trailing comment is dropped).
     */
    static String line(String address, String publicKeyFile) {
        String[] fields = publicKeyFile.strip().split("\\s+");
        if (fields.length < 2 || !fields[0].startsWith("ssh-") && !fields[0].startsWith("ecdsa-")) {
            throw new ClusterException("node " + address + " has no readable host key (got \""
                    + publicKeyFile.strip() + "\")");
        }
        return address + " " + fields[0] + " " + fields[1];
    }
}
