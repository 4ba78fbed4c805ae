package dev.berth.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rendered text compared with a file under {@code src/test/resources/proxy/}. Run with
 * {@code -Dberth.golden.update=true} to write the files afresh, then read the diff before committing it.
 */
final class Golden {
    private static final Path SOURCE = Path.of("src/test/resources/proxy");

    private Golden() {
    }

    static void assertMatches(String name, String actual) {
        if (Boolean.getBoolean("berth.golden.update")) {
            try {
                Files.createDirectories(SOURCE.resolve(name).getParent());
                Files.writeString(SOURCE.resolve(name), actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertThat(actual).as("proxy/" + name + " (-Dberth.golden.update=true rewrites it)").isEqualTo(read(name));
    }

    static String read(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/proxy/" + name)) {
            assertThat(in).as("proxy/" + name + " exists (-Dberth.golden.update=true writes it)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        return read(name).getBytes(StandardCharsets.US_ASCII);
    }
}
