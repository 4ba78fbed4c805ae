package dev.berth.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input fails fast and cleanly: exit 2, one line, no stack trace. Times are measured and
 * published to the test report rather than asserted, so that a slow machine does not fail the build.
 */
class ValidateLimitsTest {
    private static final long FIFTY_MIB = 50L * 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    void billionLaughsIsRefusedAtTheFirstAlias(TestReporter report) throws IOException {
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n");
        bomb.append("  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'z'; level++) {
            String previous = "*" + (char) (level - 1);
            bomb.append("  ").append(level).append(": &").append(level).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        Files.writeString(directory.resolve("bomb.yaml"), bomb);

        long start = System.nanoTime();
        CliRunner.Result result = new CliRunner().workingDirectory(directory).run("validate", "-f", "bomb.yaml");
        report.publishEntry("alias bomb ms", String.valueOf((System.nanoTime() - start) / 1_000_000));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo(
                "bomb.yaml:6:10: YAML aliases (*a) are not supported by berth; write the value out\n"
                        + "error: 1 problem in 1 file; nothing was touched\n");
    }

    @Test
    void fiftyMebibyteFileIsRefusedByItsSizeBeforeReading(TestReporter report) throws IOException {
        Path big = writeBigManifest(directory.resolve("big.yaml"));
        assertThat(Files.size(big)).isGreaterThanOrEqualTo(FIFTY_MIB);

        long start = System.nanoTime();
        CliRunner.Result result = new CliRunner().workingDirectory(directory).run("validate", "-f", "big.yaml");
        report.publishEntry("50 MiB file ms", String.valueOf((System.nanoTime() - start) / 1_000_000));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("big.yaml:1:1: file is " + Files.size(big)
                + " bytes; berth reads manifest files of at most 4194304 bytes (4 MiB)\n"
                + "error: 1 problem in 1 file; nothing was touched\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void fiftyMebibytesOnStandardInputAreRefusedAfterTheLimit(TestReporter report) throws IOException {
        Path big = writeBigManifest(directory.resolve("big.yaml"));
        CliRunner berth = new CliRunner().workingDirectory(directory)
                .stdin(Files.readString(big, StandardCharsets.UTF_8));

        long start = System.nanoTime();
        CliRunner.Result result = berth.run("validate", "-f", "-");
        report.publishEntry("50 MiB stdin ms", String.valueOf((System.nanoTime() - start) / 1_000_000));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("<stdin>:1:1: input is more than 4194304 bytes; "
                + "berth reads manifest files of at most 4194304 bytes (4 MiB)\n"
                + "error: 1 problem in 1 file; nothing was touched\n");
    }

    @Test
    void fileJustUnderTheLimitIsReadAndChecked(TestReporter report) throws IOException {
        Path file = directory.resolve("large.yaml");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: large}\ndata:\n");
            for (int i = 0; i < 35_000; i++) {
                out.write("  key-" + i + ": \"" + "v".repeat(100) + "\"\n");
            }
        }
        assertThat(Files.size(file)).isBetween(3_000_000L, 4_194_304L);

        long start = System.nanoTime();
        CliRunner.Result result = new CliRunner().workingDirectory(directory).run("validate", "-f", "large.yaml");
        report.publishEntry("4 MiB valid file ms", String.valueOf((System.nanoTime() - start) / 1_000_000));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("ConfigMap   default     large   35000 keys");
    }

    private static Path writeBigManifest(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n");
            String value = "x".repeat(1000);
            long written = 0;
            for (int i = 0; written < FIFTY_MIB; i++) {
                String line = "  k" + i + ": " + value + "\n";
                out.write(line);
                written += line.length();
            }
        }
        return file;
    }
}
