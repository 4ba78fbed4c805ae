package dev.berth.cli.attach;

import dev.berth.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PodReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"web-1", "pod/web-1", "po/web-1", "pods/web-1", "Pod/web-1"})
    void aPod(String text) {
        assertThat(PodReference.parse(text)).isEqualTo(new PodReference(false, "web-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deployment/web", "deploy/web", "deployments/web", "deployment.apps/web"})
    void aDeployment(String text) {
        PodReference reference = PodReference.parse(text);

        assertThat(reference).isEqualTo(new PodReference(true, "web"));
        assertThat(reference.display()).isEqualTo("deployment/web");
    }

    @Test
    void otherTypesAndMissingNamesAreBadInput() {
        assertThatThrownBy(() -> PodReference.parse("svc/web")).isInstanceOf(InvalidInputException.class)
                .hasMessage("cannot attach to \"svc/web\": use POD, pod/NAME or deployment/NAME (deploy/NAME)");
        assertThatThrownBy(() -> PodReference.parse("deploy/")).isInstanceOf(InvalidInputException.class)
                .hasMessage("\"deploy/\" names no object: use POD, pod/NAME or deployment/NAME");
        assertThatThrownBy(() -> PodReference.parse("pod/a/b")).isInstanceOf(InvalidInputException.class);
    }
}
