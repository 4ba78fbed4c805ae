package dev.berth.archive;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a tar stream member by member, as {@code docker cp} writes it: POSIX ustar headers, with PAX extended
 * headers ({@code x}, {@code g}) and GNU long names ({@code L}, {@code K}) for what does not fit. After each
 * {@link #next()} the member's content must be read with {@link #content} before the next member.
 */
public final class TarReader {
    static final int BLOCK = 512;
    private static final int MAX_EXTENSION = 1 << 20;

    private final InputStream in;
    private long remaining;

    public TarReader(InputStream in) {
        this.in = in;
    }

    /** Hears the content of a member in chunks, padding included only where asked. */
    @FunctionalInterface
    public interface ContentSink {
        void accept(byte[] buffer, int length) throws IOException;
    }

    /** The next member, or empty at the end of the archive (a zero block, or the end of the stream). */
    public Optional<TarEntry> next() throws IOException {
        if (remaining > 0) {
            throw new IllegalStateException("the content of the previous member was not read");
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Map<String, String> pax = new HashMap<>();
        String longName = null;
        String longLink = null;
        while (true) {
            byte[] block = new byte[BLOCK];
            if (!readBlock(block)) {
                return Optional.empty();
            }
            if (zero(block)) {
                return Optional.empty();
            }
            checkSum(block);
            raw.write(block);
            char type = (char) block[156];
            long size = number(block, 124, 12);
            if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
                byte[] data = extension(size, raw);
                if (type == 'x') {
                    pax.putAll(pax(data));
                } else if (type == 'L') {
                    longName = text(data, 0, data.length);
                } else if (type == 'K') {
                    longLink = text(data, 0, data.length);
                }
                continue;
            }
            String name = pax.getOrDefault("path", longName != null ? longName : ustarName(block));
            String link = pax.getOrDefault("linkpath", longLink != null ? longLink : text(block, 157, 100));
            long entrySize = pax.containsKey("size") ? Long.parseLong(pax.get("size")) : size;
            long uid = pax.containsKey("uid") ? Long.parseLong(pax.get("uid")) : number(block, 108, 8);
            long gid = pax.containsKey("gid") ? Long.parseLong(pax.get("gid")) : number(block, 116, 8);
            long mtime = pax.containsKey("mtime") ? (long) Double.parseDouble(pax.get("mtime"))
                    : number(block, 136, 12);
            char kind = type == '\0' || type == '7' ? TarEntry.FILE : type;
            boolean hasContent = kind == TarEntry.FILE || kind == 'S';
            TarEntry entry = new TarEntry(normalized(name), kind, (int) (number(block, 100, 8) & 07777), uid, gid,
                    hasContent ? entrySize : 0, mtime, link, raw.toByteArray());
            remaining = entry.paddedSize();
            return Optional.of(entry);
        }
    }

    /**
     * Reads the current member's content to {@code sink}: the {@code size} bytes of data only, or with
     * {@code padded} the whole blocks as they stand in the stream.
     */
    public void content(TarEntry entry, ContentSink sink, boolean padded) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long data = entry.size();
        while (remaining > 0) {
            int want = (int) Math.min(buffer.length, remaining);
            int read = in.readNBytes(buffer, 0, want);
            if (read < want) {
                throw new EOFException("the archive ends inside " + entry.name());
            }
            remaining -= read;
            int useful = (int) Math.min(read, Math.max(0, data));
            data -= useful;
            sink.accept(buffer, padded ? read : useful);
        }
    }

    private byte[] extension(long size, ByteArrayOutputStream raw) throws IOException {
        if (size > MAX_EXTENSION) {
            throw new IOException("a tar extension header of " + size + " bytes is too long");
        }
        long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
        byte[] data = in.readNBytes((int) padded);
        if (data.length < padded) {
            throw new EOFException("the archive ends inside an extension header");
        }
        raw.write(data);
        byte[] value = new byte[(int) size];
        System.arraycopy(data, 0, value, 0, (int) size);
        return value;
    }

    private boolean readBlock(byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read < BLOCK) {
            throw new EOFException("the archive ends inside a header");
        }
        return true;
    }

    private static boolean zero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkSum(byte[] block) throws IOException {
        long stored = number(block, 148, 8);
        long sum = checksum(block);
        if (sum != stored) {
            throw new IOException("not a tar header (checksum " + stored + ", computed " + sum + ")");
        }
    }

    /** A header's checksum: the sum of its bytes, the checksum field counted as spaces. */
    static long checksum(byte[] block) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : block[i] & 0xff;
        }
        return sum;
    }

    /** Records of {@code LENGTH key=value\n}. */
    static Map<String, String> pax(byte[] data) throws IOException {
        Map<String, String> records = new HashMap<>();
        int at = 0;
        while (at < data.length) {
            int space = at;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(data, at, space - at, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("a malformed PAX header record");
            }
            if (length <= 0 || at + length > data.length) {
                throw new IOException("a malformed PAX header record");
            }
            String record = new String(data, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals > 0) {
                records.put(record.substring(0, equals), record.substring(equals + 1));
            }
            at += length;
        }
        return records;
    }

    private static String ustarName(byte[] block) {
        String name = text(block, 0, 100);
        String magic = text(block, 257, 6);
        String prefix = magic.startsWith("ustar") ? text(block, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String text(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** An octal number, or a base-256 one when the first byte has its high bit set. */
    static long number(byte[] block, int offset, int length) throws IOException {
        if ((block[offset] & 0x80) != 0) {
            long value = block[offset] & 0x7f;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (block[i] & 0xff);
            }
            return value;
        }
        String digits = text(block, offset, length).trim();
        if (digits.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(digits, 8);
        } catch (NumberFormatException e) {
            throw new IOException("not a tar header (a number field holds \"" + digits + "\")");
        }
    }

    static String normalized(String name) {
        String path = name;
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.equals(".")) {
            path = "";
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }
}
