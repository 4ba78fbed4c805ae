package dev.berth.cli.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed completions/ and man/ must be exactly what the command tree generates. */
class ReferenceIsCurrentTest {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final String STALE = "completions/ and man/ are stale: run ./scripts/update-reference";

    @TempDir
    Path generated;

    @Test
    void committedFilesMatchTheCommandTreeByteForByte() throws IOException {
        ReferenceGenerator.write(generated);
        for (String directory : List.of("completions", "man")) {
            assertThat(relativeFiles(PROJECT.resolve(directory))).as(STALE)
                    .containsExactlyElementsOf(relativeFiles(generated.resolve(directory)));
            for (String file : relativeFiles(generated.resolve(directory))) {
                byte[] committed = Files.readAllBytes(PROJECT.resolve(directory).resolve(file));
                byte[] fresh = Files.readAllBytes(generated.resolve(directory).resolve(file));
                assertThat(Arrays.equals(committed, fresh)).as(STALE + " (" + directory + "/" + file + " differs)")
                        .isTrue();
            }
        }
    }

    @Test
    void generatingTwiceGivesTheSameFiles() {
        assertThat(ReferenceGenerator.files()).isEqualTo(ReferenceGenerator.files());
    }

    @Test
    void thereIsAManPagePerCommandAndACompletionPerShell() {
        assertThat(ReferenceGenerator.files().keySet()).contains(
                "completions/berth.bash", "completions/_berth", "completions/berth.fish",
                "man/berth.1", "man/berth-version.1", "man/berth-config.1", "man/berth-config-use-context.1");
    }

    private static List<String> relativeFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            List<String> names = new ArrayList<>(files.filter(Files::isRegularFile)
                    .map(file -> directory.relativize(file).toString()).toList());
            names.sort(null);
            return names;
        }
    }
}
