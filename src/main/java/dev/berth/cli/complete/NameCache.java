package dev.berth.cli.complete;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Answers of completion queries kept for {@link #FRESH} in files only the user can read, under
 * {@code $XDG_CACHE_HOME/berth/completion} (else {@code ~/.cache/berth/completion}). An answer holds names only,
 * never a value. A directory that cannot be written is no error: the query is asked every time.
 */
final class NameCache {
    /** How long an answer is used again: long enough for a second TAB, short enough to see a new replica. */
    static final Duration FRESH = Duration.ofSeconds(5);

    private final Path directory;
    private final Clock clock;
    private final String scope;

    /** @param scope what else decides the answers: the inventory variable and the current context */
    NameCache(Path directory, Clock clock, String scope) {
        this.directory = directory;
        this.clock = clock;
        this.scope = scope;
    }

    String get(List<String> query, Supplier<String> ask) {
        Path file = directory.resolve(key(query));
        try {
            if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().plus(FRESH)
                    .isAfter(clock.instant())) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return ask.get();
        }
        String answer = ask.get();
        if (!answer.isEmpty()) {
            store(file, answer);
        }
        return answer;
    }

    private void store(Path file, String answer) {
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path temporary = Files.createTempFile(directory, "answer", ".tmp");
            Files.writeString(temporary, answer, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(clock.instant()));
        } catch (IOException | UnsupportedOperationException e) {
            // not cached: asked again next time
        }
    }

    private String key(List<String> query) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((scope + "\0" + String.join("\0", query)).getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
