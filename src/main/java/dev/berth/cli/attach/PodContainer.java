package dev.berth.cli.attach;

import dev.berth.model.BerthLabels;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;

import java.util.Objects;

/** One container of one replica, where logs reads and exec runs. */
record PodContainer(ObservedPod pod, ObservedContainer container) {

    /** The container's name in the pod template ({@link BerthLabels#CONTAINER}), else docker's name for it. */
    static String nameOf(ObservedContainer container) {
        return Objects.requireNonNullElse(container.label(BerthLabels.CONTAINER), container.name());
    }

    String name() {
        return nameOf(container);
    }

    /** kubectl's prefix of a log line: {@code pod/NAME/CONTAINER}. */
    String label() {
        return "pod/" + pod.name() + "/" + name();
    }

    String node() {
        return pod.node();
    }
}
