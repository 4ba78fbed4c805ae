package dev.berth.cli.observe;

import dev.berth.model.LabelSelector;
import dev.berth.model.ObservedPod;

import java.util.List;
import java.util.Map;

/** Which pods a verb shows: one namespace or all, optionally only named ones or those matching a selector. */
public record PodFilter(String namespace, boolean allNamespaces, LabelSelector selector, List<String> names) {

    public PodFilter {
        names = List.copyOf(names);
    }

    public boolean matches(ObservedPod pod) {
        return matches(pod.namespace(), pod.name(), pod.labels());
    }

    boolean matches(String podNamespace, String name, Map<String, String> labels) {
        return (allNamespaces || podNamespace.equals(namespace))
                && (names.isEmpty() || names.contains(name))
                && (selector == null || selector.matches(labels));
    }

    public String where() {
        return allNamespaces ? "" : " in " + namespace + " namespace";
    }
}
