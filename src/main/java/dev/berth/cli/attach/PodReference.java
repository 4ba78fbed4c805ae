package dev.berth.cli.attach;

import dev.berth.error.InvalidInputException;

import java.util.Locale;
import java.util.Set;

/**
 * What logs and exec are pointed at, as kubectl writes it: {@code NAME} or {@code pod/NAME} for one replica,
 * {@code deployment/NAME} (also {@code deploy/NAME}) for the replicas of a Deployment.
 */
record PodReference(boolean deployment, String name) {
    private static final Set<String> POD_TYPES = Set.of("pod", "pods", "po");
    private static final Set<String> DEPLOYMENT_TYPES = Set.of("deployment", "deployments", "deploy",
            "deployment.apps", "deployments.apps");

    static PodReference parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new PodReference(false, requireName(text, text));
        }
        String type = text.substring(0, slash).toLowerCase(Locale.ROOT);
        String name = requireName(text.substring(slash + 1), text);
        if (POD_TYPES.contains(type)) {
            return new PodReference(false, name);
        }
        if (DEPLOYMENT_TYPES.contains(type)) {
            return new PodReference(true, name);
        }
        throw new InvalidInputException("cannot attach to \"" + text + "\": use POD, pod/NAME or deployment/NAME "
                + "(deploy/NAME)");
    }

    private static String requireName(String name, String text) {
        if (name.isEmpty() || name.contains("/")) {
            throw new InvalidInputException("\"" + text + "\" names no object: use POD, pod/NAME or deployment/NAME");
        }
        return name;
    }

    /** kubectl's spelling of the object, e.g. {@code deployment/web}. */
    String display() {
        return (deployment ? "deployment/" : "pod/") + name;
    }
}
