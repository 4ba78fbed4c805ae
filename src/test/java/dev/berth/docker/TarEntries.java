package dev.berth.docker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a tar archive back as {@code tar tv} lists it, for tests: {@code "0400 0/0 etc/creds/pw 10"}, directories
 * ending in {@code /}, a pax header's path taken over the ustar name. Fails on a header whose checksum is wrong.
 */
public final class TarEntries {
    /** One entry: its listing line and its content. */
    public record Entry(String line, String path, int mode, byte[] content) {
    }

    private TarEntries() {
    }

    public static List<Entry> read(byte[] archive) {
        List<Entry> entries = new ArrayList<>();
        String paxPath = null;
        int at = 0;
        while (at + 512 <= archive.length) {
            byte[] header = Arrays.copyOfRange(archive, at, at + 512);
            if (Arrays.equals(header, new byte[512])) {
                break;
            }
            checksum(header);
            String name = text(header, 0, 100);
            int mode = (int) octal(header, 100, 8);
            long uid = octal(header, 108, 8);
            long gid = octal(header, 116, 8);
            int size = (int) octal(header, 124, 12);
            char type = (char) header[156];
            byte[] content = Arrays.copyOfRange(archive, at + 512, at + 512 + size);
            at += 512 + (size + 511) / 512 * 512;
            if (type == 'x') {
                String records = new String(content, StandardCharsets.UTF_8);
                int path = records.indexOf(" path=");
                paxPath = records.substring(path + 6, records.indexOf('\n', path));
                continue;
            }
            String path = paxPath == null ? name : paxPath;
            paxPath = null;
            entries.add(new Entry(String.format("%04o %d/%d %s %d", mode, uid, gid, path, size), path, mode,
                    content));
        }
        return entries;
    }

    /** The listing lines only. */
    public static List<String> lines(byte[] archive) {
        return read(archive).stream().map(Entry::line).toList();
    }

    private static void checksum(byte[] header) {
        long expected = octal(header, 148, 8);
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        if (sum != expected) {
            throw new IllegalArgumentException("bad tar header checksum: " + sum + " != " + expected);
        }
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = text(header, offset, length).strip();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }
}
