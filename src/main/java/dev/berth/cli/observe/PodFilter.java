package dev.berth.cli.observe;

import dev.berth.model.LabelSelector;
import dev.berth.model.ObservedPod;

import java.util.List;

/** Which pods a verb shows: one namespace or all, optionally only named ones or those matching a selector. */
record PodFilter(String namespace, boolean allNamespaces, LabelSelector selector, List<String> names) {

    PodFilter {
        names = List.copyOf(names);
    }

    boolean matches(ObservedPod pod) {
        return (allNamespaces || pod.namespace().equals(namespace))
                && (names.isEmpty() || names.contains(pod.name()))
                && (selector == null || selector.matches(pod.labels()));
    }

    String where() {
        return allNamespaces ? "" : " in " + namespace + " namespace";
    }
}
