package dev.berth.exec;

import java.util.Optional;

/**
 * A replica's Docker container name read back: {@code <namespace>_<pod>_<container>}, as the planner names them.
 * Kubernetes names have no {@code _}, so the three parts are unambiguous.
 */
record ContainerName(String namespace, String pod, String container) {

    /** The parts of {@code name} (a leading {@code /}, as docker may print it, aside); empty for other names. */
    static Optional<ContainerName> parse(String name) {
        String bare = name.startsWith("/") ? name.substring(1) : name;
        String[] parts = bare.split("_", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ContainerName(parts[0], parts[1], parts[2]));
    }
}
