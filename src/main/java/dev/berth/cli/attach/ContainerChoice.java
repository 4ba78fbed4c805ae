package dev.berth.cli.attach;

import dev.berth.error.InvalidInputException;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which containers of the chosen replicas logs and exec use, by kubectl's rules: the one {@code -c} names, every
 * one with {@code --all-containers}, else the first of the pod template, said on stderr when there are more.
 *
 * @param containers the chosen containers, replica by replica
 * @param notes      kubectl's {@code Defaulted container ...} lines, each once
 */
record ContainerChoice(List<PodContainer> containers, List<String> notes) {

    static ContainerChoice of(List<ObservedPod> pods, String wanted, boolean all) {
        List<PodContainer> chosen = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        for (ObservedPod pod : pods) {
            List<String> names = pod.containers().stream().map(PodContainer::nameOf).toList();
            if (all) {
                pod.containers().forEach(container -> chosen.add(new PodContainer(pod, container)));
            } else if (wanted != null) {
                ObservedContainer container = pod.containers().stream()
                        .filter(c -> PodContainer.nameOf(c).equals(wanted)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("container " + wanted + " is not valid for pod "
                                + pod.name() + " (its containers: " + String.join(", ", names) + ")"));
                chosen.add(new PodContainer(pod, container));
            } else {
                chosen.add(new PodContainer(pod, pod.containers().get(0)));
                if (names.size() > 1) {
                    notes.add("Defaulted container \"" + names.get(0) + "\" out of: " + String.join(", ", names));
                }
            }
        }
        return new ContainerChoice(List.copyOf(chosen), List.copyOf(notes));
    }
}
