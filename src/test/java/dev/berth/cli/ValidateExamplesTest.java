package dev.berth.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples a Kubernetes user would write validate cleanly, and their normalized {@code -o yaml}
 * is a fixed point: fed back through validate it comes out unchanged. Secrets are the documented
 * exception: their values are redacted, so their documents are compared by keys only.
 */
class ValidateExamplesTest {
    private static final Path EXAMPLES = Path.of("examples").toAbsolutePath();
    private final CliRunner berth = new CliRunner().workingDirectory(EXAMPLES);

    static List<String> examples() throws IOException {
        try (Stream<Path> entries = Files.list(EXAMPLES)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void thereAreAtLeastTenExampleApplicationsAndAnInventory() throws IOException {
        assertThat(examples()).contains("hello", "cluster.yaml").hasSizeGreaterThanOrEqualTo(11);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesCleanly(String example) {
        CliRunner.Result result = berth.run("validate", "-f", example);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("KIND ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void normalizedYamlRoundTrips(String example) {
        CliRunner.Result first = berth.run("validate", "-f", example, "-o", "yaml");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        String withoutSecrets = documents(first.out()).stream().filter(d -> !isSecret(d))
                .collect(Collectors.joining("---\n"));

        CliRunner.Result second = new CliRunner().workingDirectory(EXAMPLES).stdin(withoutSecrets)
                .run("validate", "-f", "-", "-o", "yaml");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).isEqualTo(withoutSecrets);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void secretValuesNeverAppearInOutput(String example) throws IOException {
        CliRunner.Result yaml = berth.run("validate", "-f", example, "-o", "yaml");
        CliRunner.Result json = berth.run("validate", "-f", example, "-o", "json");

        for (String document : documents(yaml.out())) {
            if (isSecret(document)) {
                String data = document.substring(document.indexOf("\ndata:\n") + 7);
                assertThat(data.lines()).allMatch(line -> line.endsWith(": <redacted>"));
            }
        }
        for (String secretValue : List.of("s3cret", "change-me", "c210cC1wYXNzd29yZA==", "blog-db-password",
                "c2lnbmluZy1rZXktbWF0ZXJpYWw=", "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t")) {
            assertThat(yaml.out()).doesNotContain(secretValue);
            assertThat(json.out()).doesNotContain(secretValue);
        }
    }

    @Test
    void redactedSecretFedBackIsRefusedByName() {
        CliRunner.Result first = berth.run("validate", "-f", "postgres", "-o", "yaml");
        String secret = documents(first.out()).stream().filter(ValidateExamplesTest::isSecret).findFirst().orElseThrow();

        CliRunner.Result second = new CliRunner().stdin(secret).run("validate", "-f", "-");

        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err()).isEqualTo("<stdin>:8:13: data.password: is <redacted>, a placeholder from berth's "
                + "output; put the real base64 value back\nerror: 1 problem in 1 file; nothing was touched\n");
    }

    private static List<String> documents(String yaml) {
        return Arrays.stream(yaml.split("(?m)^---\n")).toList();
    }

    private static boolean isSecret(String document) {
        return document.contains("\nkind: Secret\n");
    }
}
