package dev.berth.lab;

import dev.berth.error.ClusterException;

import java.util.List;

/**
 * The lab's known_hosts file, written when the lab comes up: each node's host keys pinned by its address, in
 * OpenSSH's format. Reading and checking a known_hosts file is {@code dev.berth.ssh.KnownHosts}'s part.
 */
public final class PinnedHostKeys {
    private PinnedHostKeys() {
    }

    /** The host keys of one node: the content of its {@code ssh_host_*_key.pub} files, one key a line. */
    public record Entry(String address, String publicKeyFiles) {
    }

    public static String render(List<Entry> entries) {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            List<String> keys = entry.publicKeyFiles().lines().filter(line -> !line.isBlank()).toList();
            if (keys.isEmpty()) {
                throw new ClusterException("node " + entry.address() + " has no host key");
            }
            for (String key : keys) {
                text.append(line(entry.address(), key)).append('\n');
            }
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
