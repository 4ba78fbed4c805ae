package dev.berth.cli.attach;

import dev.berth.error.InvalidInputException;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerChoiceTest {
    static ObservedContainer container(String pod, String name) {
        return new ObservedContainer("0123456789ab" + name.length(), pod + "-" + name, "img",
                Map.of("berth.dev/managed", "true", "berth.dev/pod", pod, "berth.dev/container", name), "running", 0,
                false, null, 0, null, null, null, Map.of(), List.of());
    }

    static ObservedPod pod(String name, String... containers) {
        return new ObservedPod("default", name, "web", "node-1",
                List.of(containers).stream().map(c -> container(name, c)).toList());
    }

    static List<String> labels(ContainerChoice choice) {
        return choice.containers().stream().map(PodContainer::label).toList();
    }

    @Test
    void theFirstContainerByDefaultSaidOnceWhenThereAreMore() {
        ContainerChoice choice = ContainerChoice.of(List.of(pod("web-1", "web", "sidecar"),
                pod("web-2", "web", "sidecar")), null, false);

        assertThat(labels(choice)).containsExactly("pod/web-1/web", "pod/web-2/web");
        assertThat(choice.notes()).containsExactly("Defaulted container \"web\" out of: web, sidecar");
    }

    @Test
    void aSingleContainerNeedsNoNote() {
        assertThat(ContainerChoice.of(List.of(pod("web-1", "web")), null, false).notes()).isEmpty();
    }

    @Test
    void theNamedOneOrEveryOne() {
        List<ObservedPod> pods = List.of(pod("web-1", "web", "sidecar"));

        assertThat(labels(ContainerChoice.of(pods, "sidecar", false))).containsExactly("pod/web-1/sidecar");
        assertThat(labels(ContainerChoice.of(pods, null, true))).containsExactly("pod/web-1/web",
                "pod/web-1/sidecar");
    }

    @Test
    void aNameThePodLacksIsBadInput() {
        assertThatThrownBy(() -> ContainerChoice.of(List.of(pod("web-1", "web")), "db", false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("container db is not valid for pod web-1 (its containers: web)");
    }
}
