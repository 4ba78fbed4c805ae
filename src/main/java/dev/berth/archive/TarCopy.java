package dev.berth.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * Reads a tar stream, passes on the members a filter admits, and digests all it read. The digest covers each
 * member's name, type, permission bits, owner, size, link target and the SHA-256 of its content, in name order,
 * and not the modification times, which extraction does not keep for every directory: two trees with the same
 * digest hold the same data with the same ownership and modes.
 */
public final class TarCopy {
    private static final byte[] END = new byte[2 * TarReader.BLOCK];

    private TarCopy() {
    }

    /**
     * What a stream held.
     *
     * @param digest     SHA-256 over the members as described above, in hex
     * @param signatures each member's {@link TarEntry#signature()}, by name
     * @param files      the members that are files
     * @param bytesRead  the bytes of the stream read
     * @param bytesSent  the bytes passed on, the end blocks included
     */
    public record Summary(String digest, SortedMap<String, String> signatures, long files, long dataBytes,
                          long bytesRead, long bytesSent) {
    }

    /**
     * Reads the archive on {@code in} to its end; with {@code out}, writes there every member {@code pass} admits,
     * as it came, followed by the end of an archive. {@code progress} hears the bytes read so far, after each
     * chunk.
     */
    public static Summary copy(InputStream in, OutputStream out, Predicate<TarEntry> pass, LongConsumer progress)
            throws IOException {
        TarReader reader = new TarReader(in);
        SortedMap<String, String> lines = new TreeMap<>();
        SortedMap<String, String> signatures = new TreeMap<>();
        long[] counts = new long[4];
        MessageDigest content = sha256();
        for (Optional<TarEntry> next = reader.next(); next.isPresent(); next = reader.next()) {
            TarEntry entry = next.get();
            boolean sending = out != null && pass.test(entry);
            counts[1] += entry.header().length;
            if (sending) {
                out.write(entry.header());
                counts[2] += entry.header().length;
            }
            content.reset();
            reader.content(entry, (buffer, length) -> {
                content.update(buffer, 0, (int) Math.min(length, entry.size()));
                counts[1] += length;
                if (sending) {
                    out.write(buffer, 0, length);
                    counts[2] += length;
                }
                progress.accept(counts[1]);
            }, true);
            progress.accept(counts[1]);
            counts[0] += entry.type() == TarEntry.FILE ? 1 : 0;
            counts[3] += entry.size();
            signatures.put(entry.name(), entry.signature());
            lines.put(entry.name(), entry.type() + " " + Integer.toOctalString(entry.mode()) + " " + entry.uid() + ":"
                    + entry.gid() + " " + entry.size() + " " + entry.linkName() + " "
                    + HexFormat.of().formatHex(content.digest()));
        }
        if (out != null) {
            out.write(END);
            out.flush();
            counts[2] += END.length;
        }
        MessageDigest tree = sha256();
        for (Map.Entry<String, String> line : lines.entrySet()) {
            tree.update((line.getKey() + "\0" + line.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new Summary(HexFormat.of().formatHex(tree.digest()), signatures, counts[0], counts[3], counts[1],
                counts[2]);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
