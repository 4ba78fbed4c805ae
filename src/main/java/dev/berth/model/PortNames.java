package dev.berth.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The named container ports of a replica, as its {@link BerthLabels#PORTS} label keeps them:
 * {@code http=8080/TCP,metrics=9090/TCP}. A Service's {@code targetPort} may name a port; the label lets any
 * later run resolve the name on the replica itself, whatever revision of the template started it. Port names
 * are IANA service names (lower-case letters, digits and dashes), so the format needs no quoting.
 */
public record PortNames(List<Named> ports) {

    public PortNames {
        ports = List.copyOf(ports);
    }

    /** One named port. */
    public record Named(String name, int containerPort, String protocol) {
    }

    /** The named ports of a pod's containers, in the order written. */
    public static PortNames of(List<Container> containers) {
        List<Named> named = new ArrayList<>();
        containers.forEach(c -> c.ports().stream().filter(p -> p.name() != null && !p.name().isEmpty())
                .forEach(p -> named.add(new Named(p.name(), p.containerPort(), protocol(p.protocol())))));
        return new PortNames(named);
    }

    /** Reads a label {@link #label()} wrote; a missing label or a malformed entry names no port. */
    public static PortNames parse(String label) {
        List<Named> named = new ArrayList<>();
        if (label != null) {
            for (String entry : label.split(",")) {
                String[] parts = entry.split("[=/]");
                if (parts.length == 3 && parts[1].matches("[0-9]{1,5}")) {
                    named.add(new Named(parts[0], Integer.parseInt(parts[1]), protocol(parts[2])));
                }
            }
        }
        return new PortNames(named);
    }

    /** The label's value; empty when no port has a name. */
    public String label() {
        return ports.stream().map(p -> p.name() + "=" + p.containerPort() + "/" + p.protocol())
                .collect(Collectors.joining(","));
    }

    /** The container port a name stands for, with that protocol. */
    public OptionalInt resolve(String name, String protocol) {
        return ports.stream().filter(p -> p.name().equals(name) && p.protocol().equalsIgnoreCase(protocol))
                .mapToInt(Named::containerPort).findFirst();
    }

    private static String protocol(String protocol) {
        return protocol == null ? "TCP" : protocol.toUpperCase(Locale.ROOT);
    }
}
