package dev.berth.lab;

import dev.berth.error.ClusterException;

/**
 * An IPv4 subnet of a lab network, and the fixed addresses within it: the registry at host
 * number 2 and node {@code i} at host number {@code 10 + i} (node-1 = .11), so that a node keeps its
 * address across stop and start.
 */
public record Subnet(String cidr, String gateway) {
    static final int REGISTRY_HOST = 2;
    static final int FIRST_NODE_HOST = 11;

    public Subnet {
        parseAddress(base(cidr));
        int prefix = prefix(cidr);
        if (prefix < 8 || prefix > 24) {
            throw new ClusterException("lab network subnet " + cidr + " is not usable: need a prefix between /8 and /24");
        }
    }

    /** The most nodes a subnet of /24 or larger holds with this numbering. */
    public static int maxNodes() {
        return 254 - FIRST_NODE_HOST + 1;
    }

    public String registryAddress() {
        return host(REGISTRY_HOST);
    }

    /** The address of node {@code index} (1-based). */
    public String nodeAddress(int index) {
        if (index < 1 || index > maxNodes()) {
            throw new IllegalArgumentException("node index out of range: " + index);
        }
        return host(FIRST_NODE_HOST - 1 + index);
    }

    private String host(int number) {
        int network = parseAddress(base(cidr)) & mask(prefix(cidr));
        return format(network + number);
    }

    private static String base(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new ClusterException("lab network subnet \"" + cidr + "\" is not in CIDR form");
        }
        return cidr.substring(0, slash);
    }

    private static int prefix(String cidr) {
        try {
            return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
        } catch (NumberFormatException e) {
            throw new ClusterException("lab network subnet \"" + cidr + "\" has no numeric prefix length");
        }
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    static int parseAddress(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            throw new ClusterException("\"" + address + "\" is not an IPv4 address");
        }
        int value = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new ClusterException("\"" + address + "\" is not an IPv4 address");
            }
            if (octet < 0 || octet > 255) {
                throw new ClusterException("\"" + address + "\" is not an IPv4 address");
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    static String format(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "."
                + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    /** Reads the IPv4 line from {@code docker network inspect} output of "SUBNET GATEWAY" lines. */
    public static Subnet fromInspect(String output) {
        return output.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.contains(":"))
                .map(line -> line.split("\\s+"))
                .filter(fields -> fields.length == 2)
                .map(fields -> new Subnet(fields[0], fields[1]))
                .findFirst()
                .orElseThrow(() -> new ClusterException("the lab network has no IPv4 subnet (docker network inspect said: "
                        + output.strip() + ")"));
    }
}
