package dev.berth.docker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerCommandsTest {
    private static final String ID = "85686b0c06cd6fd2fee4f8347851f3c96a21bc791fd6cbfd2dc8fbef137b2d1e";

    @Test
    void infoAsJson() {
        assertThat(DockerCommands.info()).containsExactly("docker", "info", "--format", "{{json .}}");
    }

    @Test
    void listsOnlyContainersBerthManages() {
        assertThat(String.join(" ", DockerCommands.managedContainerIds()))
                .isEqualTo("docker ps --all --quiet --no-trunc --filter label=berth.dev/managed=true");
    }

    @Test
    void inspectEndsOptionsBeforeTheIds() {
        assertThat(DockerCommands.inspect(List.of(ID)))
                .containsExactly("docker", "inspect", "--type", "container", "--", ID);
    }

    @Test
    void statsOfGivenContainers() {
        assertThat(DockerCommands.stats(List.of(ID.substring(0, 12))))
                .containsExactly("docker", "stats", "--no-stream", "--no-trunc", "--format", "{{json .}}", "--",
                        ID.substring(0, 12));
    }

    @Test
    void refusesAnythingThatIsNotAContainerId() {
        assertThatThrownBy(() -> DockerCommands.inspect(List.of("-f"))).hasMessage("not a container id: -f");
        assertThatThrownBy(() -> DockerCommands.stats(List.of()))
                .hasMessage("at least one container id is needed");
    }
}
