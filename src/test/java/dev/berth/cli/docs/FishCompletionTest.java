package dev.berth.cli.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs the generated fish script in a real fish, when one is installed. */
class FishCompletionTest {
    @TempDir
    Path directory;

    private String complete(String line) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/fish")), "fish is not installed");
        Path script = Files.writeString(directory.resolve("berth.fish"),
                ReferenceGenerator.files().get("completions/berth.fish"));
        Process fish = new ProcessBuilder("fish", "--no-config", "-c",
                "source " + script + "; complete -C " + FishCompletion.quote(line))
                .directory(directory.toFile()).redirectErrorStream(true).start();
        String out = new String(fish.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fish.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void completesVerbsAfterGlobalOptionsWithValues() throws IOException, InterruptedException {
        assertThat(complete("berth --cluster x.yaml -o json con"))
                .isEqualTo("config\tManage contexts: named cluster inventories with a default namespace.\n");
    }

    @Test
    void completesNestedCommands() throws IOException, InterruptedException {
        assertThat(complete("berth config use")).startsWith("use-context\tMake NAME the current context.\n");
    }

    @Test
    void completesOutputFormatsWithoutFiles() throws IOException, InterruptedException {
        assertThat(complete("berth version -o ").lines().map(line -> line.split("\t")[0]))
                .containsExactlyInAnyOrder("custom-columns", "json", "jsonpath", "name", "wide", "yaml");
    }
}
