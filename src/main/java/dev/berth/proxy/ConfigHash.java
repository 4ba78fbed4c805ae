package dev.berth.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash a rendered configuration carries of itself. Its one hash line is
 * {@code location = /berth/config-hash { return 200 "HASH"; }}, on a line of its own (indentation allowed); the
 * hash is the lower-case hex SHA-256 of the configuration's UTF-8 text with that whole line, its line break
 * included, removed. Anyone holding the text can recompute it, and nginx answers it once it has loaded the text.
 */
public final class ConfigHash {
    /** The location that answers the hash. */
    public static final String PATH = "/berth/config-hash";
    private static final String START = "location = " + PATH + " { return 200 \"";
    private static final String END = "\"; }";

    private ConfigHash() {
    }

    /** The hash of a configuration, whether its hash line is present (with any value) or not. */
    public static String of(String text) {
        return sha256(withoutHashLine(text));
    }

    /** The hash line for a hash, without indentation or line break. */
    public static String line(String hash) {
        return START + hash + END;
    }

    /** Replaces the placeholder hash line ({@code line("")}) of a configuration with its real hash. */
    static NginxConfig seal(String text, int hashPort, List<ConfigFile> files, List<String> notes) {
        String hash = of(text);
        return new NginxConfig(text.replace(line(""), line(hash)), hash, hashPort, files, notes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte[] withoutHashLine(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (String line : text.split("(?<=\n)")) {
            String trimmed = line.strip();
            if (!(trimmed.startsWith(START) && trimmed.endsWith(END))) {
                kept.append(line);
            }
        }
        return kept.toString().getBytes(StandardCharsets.UTF_8);
    }
}
