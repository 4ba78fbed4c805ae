package dev.berth.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Renders a lab's cluster inventory ({@code berth.dev/v1 Cluster}), so every berth verb can reach the lab. */
public final class LabInventory {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./~-][A-Za-z0-9_./~:@-]*");

    private LabInventory() {
    }

    public static String render(LabName lab, Path privateKey, Path knownHosts, List<LabNodeSpec> nodes) {
        StringBuilder yaml = new StringBuilder()
                .append("# The berth lab \"").append(lab).append("\", written by `berth lab up`")
                .append(" and removed by `berth lab down`.\n")
                .append("apiVersion: berth.dev/v1\n")
                .append("kind: Cluster\n")
                .append("metadata:\n")
                .append("  name: ").append(scalar(lab.value())).append('\n')
                .append("spec:\n")
                .append("  ssh:\n")
                .append("    user: berth\n")
                .append("    port: 22\n")
                .append("    identityFiles:\n")
                .append("      - ").append(scalar(privateKey.toString())).append('\n')
                .append("    knownHosts: ").append(scalar(knownHosts.toString())).append('\n')
                .append("    hostKeyPolicy: strict\n")
                .append("  registry:\n")
                .append("    server: ").append(scalar(LabImages.REGISTRY_SERVER)).append('\n')
                .append("  edge:\n")
                .append("    image: ").append(scalar(LabImages.REGISTRY_SERVER + "/" + LabImages.EDGE)).append('\n')
                .append("  nodes:\n");
        for (LabNodeSpec node : nodes) {
            yaml.append("    - name: ").append(scalar(node.name())).append('\n')
                    .append("      address: ").append(scalar(node.address())).append('\n');
            if (!node.roles().isEmpty()) {
                yaml.append("      roles: [").append(String.join(", ", node.roles().stream()
                        .map(LabInventory::scalar).toList())).append("]\n");
            }
        }
        return yaml.toString();
    }

    /** A YAML scalar: bare when that is unambiguous, otherwise double-quoted with escapes. */
    static String scalar(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
