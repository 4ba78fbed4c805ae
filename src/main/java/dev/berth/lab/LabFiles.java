package dev.berth.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a lab keeps what a user needs to reach it: {@code $XDG_DATA_HOME/berth/labs/<name>/}
 * (default {@code ~/.local/share/berth/labs/<name>/}) with the key pair, the pinned host keys and the
 * cluster inventory.
 */
public record LabFiles(Path directory) {

    public static LabFiles of(Map<String, String> variables, Path home, LabName lab) {
        String data = variables.get("XDG_DATA_HOME");
        Path base = data == null || data.isBlank() || !Path.of(data).isAbsolute()
                ? home.resolve(".local/share")
                : Path.of(data);
        return new LabFiles(base.resolve("berth/labs").resolve(lab.value()).toAbsolutePath());
    }

    public Path privateKey() {
        return directory.resolve("id_ed25519");
    }

    public Path publicKey() {
        return directory.resolve("id_ed25519.pub");
    }

    public Path knownHosts() {
        return directory.resolve("known_hosts");
    }

    public Path inventory() {
        return directory.resolve("cluster.yaml");
    }

    public boolean exist() {
        return Files.isDirectory(directory);
    }

    public void createDirectory() {
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file atomically (a reader sees the old or the new content, never half of it). */
    public void write(Path file, String content) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, content);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
