package dev.berth.cli.observe;

import dev.berth.error.InvalidInputException;
import dev.berth.manifest.schema.Spelling;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The resource types {@code get} knows, with kubectl's names and short names. */
enum ResourceType {
    NODES("nodes", "node", "no"),
    PODS("pods", "pod", "po"),
    DEPLOYMENTS("deployments", "deployment", "deploy"),
    SERVICES("services", "service", "svc"),
    INGRESSES("ingresses", "ingress", "ing"),
    ENDPOINTS("endpoints", "ep"),
    CONFIGMAPS("configmaps", "configmap", "cm"),
    SECRETS("secrets", "secret"),
    NAMESPACES("namespaces", "namespace", "ns"),
    PERSISTENTVOLUMECLAIMS("persistentvolumeclaims", "persistentvolumeclaim", "pvc"),
    EVENTS("events", "event", "ev");

    /** What {@code get all} shows, in kubectl's order. */
    static final List<ResourceType> ALL = List.of(PODS, SERVICES, DEPLOYMENTS);

    private final List<String> names;

    ResourceType(String... names) {
        this.names = List.of(names);
    }

    String plural() {
        return names.get(0);
    }

    static ResourceType parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String wanted = lower.replaceFirst("\\.(apps|networking\\.k8s\\.io)$", "");
        return Arrays.stream(values()).filter(type -> type.names.contains(wanted)).findFirst()
                .orElseThrow(() -> unknown(text));
    }

    private static InvalidInputException unknown(String text) {
        String closest = Spelling.closest(text, Arrays.stream(values()).flatMap(type -> type.names.stream()).toList());
        return new InvalidInputException("unknown resource type \"" + text + "\""
                + (closest == null ? "" : " (did you mean \"" + closest + "\"?)") + ": use one of "
                + Arrays.stream(values()).map(t -> String.join("|", t.names)).collect(Collectors.joining(", ")));
    }
}
