package dev.berth.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which word of a command line is the verb, as picocli will read it. */
class VerbWordTest {
    private static String verb(String line) {
        return VerbWord.of(line.isEmpty() ? new String[0] : line.split(" ")).orElse("(none)");
    }

    @Test
    void theFirstWordThatIsNoOptionNorAGlobalOptionsValue() {
        assertThat(verb("get pods")).isEqualTo("get");
        assertThat(verb("--context lab get nodes")).isEqualTo("get");
        assertThat(verb("--context get get nodes")).as("a context named like a verb").isEqualTo("get");
        assertThat(verb("--context=lab -n web -o yaml apply -f x")).isEqualTo("apply");
        assertThat(verb("--cluster c.yaml --namespace web --output json describe pod p")).isEqualTo("describe");
        assertThat(verb("-ojson -nweb get pods")).isEqualTo("get");
        assertThat(verb("--no-color diff -f x")).isEqualTo("diff");
    }

    @Test
    void verbosityTakesTheNextWordOnlyWhenItIsALevel() {
        assertThat(verb("-v 6 get pods")).isEqualTo("get");
        assertThat(verb("-v get pods")).isEqualTo("get");
        assertThat(verb("-v=8 logs web")).isEqualTo("logs");
    }

    @Test
    void noVerbWhenTheRootIsAskedForHelpOrItsVersionOrNothingIsNamed() {
        assertThat(verb("")).isEqualTo("(none)");
        assertThat(verb("--help get")).isEqualTo("(none)");
        assertThat(verb("-V")).isEqualTo("(none)");
        assertThat(verb("--context lab")).isEqualTo("(none)");
        assertThat(verb("-- get")).isEqualTo("(none)");
    }
}
