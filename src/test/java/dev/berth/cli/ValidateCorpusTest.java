package dev.berth.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invalid-manifest corpus: each {@code manifests/invalid/NNN-name.yaml} is refused with exit 2, nothing
 * on stdout, and exactly the problem lines of {@code NNN-name.expected} on stderr.
 */
class ValidateCorpusTest {

    static Path corpus() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(ValidateCorpusTest.class.getResource("/manifests/invalid")).toURI());
    }

    static List<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void corpusHasAtLeastFortyCasesEachWithItsExpectedErrors() throws Exception {
        List<String> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        for (String name : cases) {
            assertThat(corpus().resolve(name.replace(".yaml", ".expected"))).exists();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithTheExactLocationAndMessage(String file) throws Exception {
        String expected = Files.readString(corpus().resolve(file.replace(".yaml", ".expected")), StandardCharsets.UTF_8);

        CliRunner.Result result = new CliRunner().workingDirectory(corpus()).run("validate", "-f", file);

        assertThat(result.err()).isEqualTo(expected);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
    }
}
