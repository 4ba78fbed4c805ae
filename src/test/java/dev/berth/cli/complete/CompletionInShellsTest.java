package dev.berth.cli.complete;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scripts of {@code berth completion} in real shells (each test is skipped when its shell is missing): a
 * {@code berth} on PATH runs this build, and each TAB asks it.
 */
class CompletionInShellsTest {
    @TempDir
    Path directory;

    private Path bin;
    private Path home;

    @BeforeEach
    void berthOnPath() throws IOException {
        bin = Files.createDirectories(directory.resolve("bin"));
        home = Files.createDirectories(directory.resolve("home"));
        Path berth = bin.resolve("berth");
        Files.writeString(berth, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -Xshare:auto -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                + "' dev.berth.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(berth, PosixFilePermissions.fromString("rwxr-xr-x"));
        // a context named like a verb, for the contexts offered after --context
        assertThat(run(List.of(berth.toString(), "config", "set-context", "lab", "--cluster", "/nonexistent.yaml")))
                .startsWith("Context \"lab\" created.");
    }

    private String run(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        builder.environment().remove("BERTH_CLUSTER");
        Process process = builder.start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(out).isZero();
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private Path script(String shell) throws IOException {
        return Files.writeString(directory.resolve("script." + shell),
                CompletionCommand.Shell.valueOf(shell).script());
    }

    @Nested
    class Bash {
        /** What bash offers for {@code line}, the cursor at its end, one offer per line. */
        private String complete(String line) throws IOException {
            assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
            String program = "source " + script("bash") + "\n"
                    + "COMP_LINE=" + bashQuote(line) + "; COMP_POINT=${#COMP_LINE}\n"
                    + "_berth_complete; printf '%s\\n' \"${COMPREPLY[@]}\"\n";
            return run(List.of("/bin/bash", "--norc", "--noprofile", "-c", program));
        }

        @Test
        void completesVerbsAfterGlobalOptionsWithValues() throws IOException {
            assertThat(complete("berth --cluster x.yaml -o json con")).isEqualTo("config\n");
        }

        @Test
        void completesNestedVerbs() throws IOException {
            assertThat(complete("berth rollout st")).isEqualTo("status\n");
        }

        @Test
        void completesContextsAfterTheOptionAndAfterItsEqualsSign() throws IOException {
            assertThat(complete("berth --context l")).isEqualTo("lab\n");
            assertThat(complete("berth get pods --context=l")).isEqualTo("lab\n");
        }

        @Test
        void completesResourceTypesAndOutputFormats() throws IOException {
            assertThat(complete("berth get dep")).isEqualTo("deployments\n");
            assertThat(complete("berth version -o ").lines()).containsExactlyInAnyOrder("json", "name", "wide",
                    "yaml", "jsonpath", "custom-columns");
        }
    }

    @Nested
    class Zsh {
        @Test
        void completesVerbsAndContexts() throws IOException {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")), "zsh is not installed");
            // _describe is asked for what it would offer; compadd is replaced by one that prints its words
            String program = "autoload -U compinit; compinit -u -d " + directory.resolve("zcompdump") + "\n"
                    + "source " + script("zsh") + "\n"
                    + "_describe() { local -a c; c=(\"${(@P)${@[-1]}}\"); print -l -- \"${(@)c%%:*}\"; }\n"
                    + "_files() { print -- ':files'; }\n"
                    + "words=(berth rollout st); CURRENT=3; _berth\n"
                    + "words=(berth --context l); CURRENT=3; _berth\n"
                    + "words=(berth apply -f ''); CURRENT=4; _berth\n";
            assertThat(run(List.of("/usr/bin/zsh", "-f", "-c", program))).isEqualTo("status\nlab\n:files\n");
        }
    }

    @Nested
    class Fish {
        private String complete(String line) throws IOException {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/fish")), "fish is not installed");
            return run(List.of("/usr/bin/fish", "--no-config", "-c", "source " + script("fish") + "; complete -C '"
                    + line.replace("\\", "\\\\").replace("'", "\\'") + "'"));
        }

        @Test
        void completesVerbsWithTheirDescriptions() throws IOException {
            assertThat(complete("berth --cluster x.yaml -o json con"))
                    .isEqualTo("config\tManage contexts: named cluster inventories with a default namespace.\n");
        }

        @Test
        void completesContexts() throws IOException {
            assertThat(complete("berth --context l")).isEqualTo("lab\n");
        }
    }

    private static String bashQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
