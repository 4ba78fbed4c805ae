package dev.berth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version and commit berth was built from, filled in by the build. */
public record BuildInfo(String version, String commit, boolean dirty) {

    public static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/berth/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(
                known(properties.getProperty("version"), "dev"),
                known(properties.getProperty("commit"), "unknown"),
                Boolean.parseBoolean(properties.getProperty("dirty")));
    }

    private static String known(String value, String fallback) {
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }

    /** For example {@code berth 0.1.0 (commit 1a2b3c4d5e6f)}. */
    public String describe() {
        return "berth " + version + " (commit " + commit + (dirty ? ", modified" : "") + ")";
    }
}
