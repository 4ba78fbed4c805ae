package dev.berth.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Files and directories for {@code docker cp - CONTAINER:/}, as the POSIX tar archive berth builds in memory and
 * sends on the command's standard input: paths relative to the container's root, each entry with its mode,
 * owned by root (uid and gid 0), dated 0 so that the same files make the same bytes. A path longer than a
 * ustar header holds goes in a pax extended header. Pure.
 */
public record FileArchive(List<Entry> entries) {
    public static final FileArchive EMPTY = new FileArchive(List.of());
    private static final int BLOCK = TarReader.BLOCK;

    public FileArchive {
        entries = List.copyOf(entries);
    }

    /**
     * One file (with content) or directory (content null).
     *
     * @param path relative to the container's root, {@code etc/creds/password}, never with {@code ..}
     */
    public record Entry(String path, int mode, byte[] content) {
        public Entry {
            if (path.isEmpty() || path.startsWith("/") || Arrays.asList(path.split("/")).contains("..")) {
                throw new IllegalArgumentException("not a relative path: " + path);
            }
            content = content == null ? null : content.clone();
        }

        public static Entry directory(String path, int mode) {
            return new Entry(path, mode, null);
        }

        public static Entry file(String path, int mode, byte[] content) {
            return new Entry(path, mode, content);
        }

        @Override
        public byte[] content() {
            return content == null ? null : content.clone();
        }

        public boolean directory() {
            return content == null;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry entry && path.equals(entry.path) && mode == entry.mode
                    && Arrays.equals(content, entry.content);
        }

        @Override
        public int hashCode() {
            return (path.hashCode() * 31 + mode) * 31 + Arrays.hashCode(content);
        }

        /** Never the content: it may be a Secret's. */
        @Override
        public String toString() {
            return path + " " + String.format("%04o", mode) + (directory() ? " directory" : " " + content.length
                    + " bytes");
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** How many of the entries are files. */
    public long fileCount() {
        return entries.stream().filter(entry -> !entry.directory()).count();
    }

    /** The archive: each entry's header and content in blocks of 512 bytes, then two empty blocks. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Entry entry : entries) {
            String name = entry.directory() ? entry.path() + "/" : entry.path();
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            if (nameBytes.length > 100 || nameBytes.length != name.length()) {
                byte[] records = paxRecord("path", name);
                out.writeBytes(header("PaxHeader", 0644, records.length, 'x'));
                writePadded(out, records);
                name = "PaxHeader.path";
            }
            byte[] content = entry.directory() ? new byte[0] : entry.content();
            out.writeBytes(header(name, entry.mode(), content.length, entry.directory() ? '5' : '0'));
            writePadded(out, content);
        }
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    /** {@code "<length> <key>=<value>\n"}, whose length counts its own digits. */
    static byte[] paxRecord(String key, String value) {
        int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int length = body + Integer.toString(body).length();
        if (Integer.toString(length).length() != Integer.toString(body).length()) {
            length++;
        }
        return (length + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] header(String name, int mode, long size, char type) {
        byte[] header = new byte[BLOCK];
        put(header, 0, 100, name.getBytes(StandardCharsets.UTF_8));
        octal(header, 100, 8, mode & 07777);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, size);
        octal(header, 136, 12, 0);
        header[156] = (byte) type;
        put(header, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(header, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        put(header, 265, 32, "root".getBytes(StandardCharsets.US_ASCII));
        put(header, 297, 32, "root".getBytes(StandardCharsets.US_ASCII));
        put(header, 148, 8, String.format("%06o\0 ", TarReader.checksum(header)).getBytes(StandardCharsets.US_ASCII));
        return header;
    }

    private static void octal(byte[] header, int offset, int length, long value) {
        String digits = String.format("%0" + (length - 1) + "o", value);
        put(header, offset, length, (digits + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    private static void put(byte[] header, int offset, int length, byte[] bytes) {
        System.arraycopy(bytes, 0, header, offset, Math.min(length, bytes.length));
    }

    private static void writePadded(ByteArrayOutputStream out, byte[] content) {
        out.writeBytes(content);
        int rest = content.length % BLOCK;
        if (rest != 0) {
            out.writeBytes(new byte[BLOCK - rest]);
        }
    }
}
