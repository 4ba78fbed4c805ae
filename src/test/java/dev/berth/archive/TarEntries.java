package dev.berth.archive;


import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a tar archive back as {@code tar tv} lists it, for tests: {@code "0400 0/0 etc/creds/pw 10"}, directories
 * ending in {@code /}, with berth's own {@link TarReader} (which fails on a header whose checksum is wrong).
 */
public final class TarEntries {
    /** One entry: its listing line and its content. */
    public record Entry(String line, String path, int mode, byte[] content) {
    }

    private TarEntries() {
    }

    public static List<Entry> read(byte[] archive) {
        List<Entry> entries = new ArrayList<>();
        TarReader reader = new TarReader(new ByteArrayInputStream(archive));
        try {
            for (Optional<TarEntry> next = reader.next(); next.isPresent(); next = reader.next()) {
                TarEntry entry = next.get();
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                reader.content(entry, (buffer, length) -> content.write(buffer, 0, length), false);
                String path = entry.name() + (entry.directory() ? "/" : "");
                entries.add(new Entry(String.format("%04o %d/%d %s %d", entry.mode(), entry.uid(), entry.gid(), path,
                        entry.size()), path, entry.mode(), content.toByteArray()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The listing lines only. */
    public static List<String> lines(byte[] archive) {
        return read(archive).stream().map(Entry::line).toList();
    }
}
