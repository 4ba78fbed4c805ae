package dev.berth.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The subset of {@code ~/.ssh/config} that berth honours: {@code Host} blocks with patterns and negation,
 * {@code HostName}, {@code User}, {@code Port}, {@code IdentityFile} and {@code ProxyJump}. As in OpenSSH the
 * first value found for a keyword wins, and every matching IdentityFile is kept. {@code Match} blocks are
 * skipped (they never apply) and other keywords are ignored.
 */
public final class SshConfig {

    /** What the file says about one host; {@code null} where it says nothing. */
    public record Settings(String hostName, Integer port, String user, List<String> identityFiles,
                           String proxyJump) {
    }

    private record Line(int number, String keyword, String value) {
    }

    private final List<Line> lines;

    private SshConfig(List<Line> lines) {
        this.lines = lines;
    }

    public static SshConfig empty() {
        return new SshConfig(List.of());
    }

    /** Reads the file, or gives an empty config when it does not exist. */
    public static SshConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static SshConfig parse(List<String> text) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int split = 0;
            while (split < line.length() && !Character.isWhitespace(line.charAt(split)) && line.charAt(split) != '=') {
                split++;
            }
            String keyword = line.substring(0, split).toLowerCase(Locale.ROOT);
            String value = line.substring(split).strip();
            if (value.startsWith("=")) {
                value = value.substring(1).strip();
            }
            lines.add(new Line(i + 1, keyword, value));
        }
        return new SshConfig(lines);
    }

    /** The settings for {@code alias}, the name as the user wrote it. */
    public Settings settingsFor(String alias) {
        String hostName = null;
        Integer port = null;
        String user = null;
        String proxyJump = null;
        List<String> identityFiles = new ArrayList<>();
        boolean applies = true;
        for (Line line : lines) {
            switch (line.keyword()) {
                case "host" -> applies = HostPattern.matchesList(words(line.value()), alias);
                case "match" -> applies = false;
                case "hostname" -> hostName = applies && hostName == null ? unquote(line.value()) : hostName;
                case "user" -> user = applies && user == null ? unquote(line.value()) : user;
                case "proxyjump" -> proxyJump = applies && proxyJump == null ? unquote(line.value()) : proxyJump;
                case "port" -> port = applies && port == null ? Integer.valueOf(unquote(line.value())) : port;
                case "identityfile" -> {
                    if (applies) {
                        identityFiles.add(unquote(line.value()));
                    }
                }
                default -> {
                }
            }
        }
        if (hostName != null) {
            hostName = hostName.replace("%h", alias);
        }
        if ("none".equalsIgnoreCase(proxyJump)) {
            proxyJump = null;
        }
        return new Settings(hostName, port, user, List.copyOf(identityFiles), proxyJump);
    }

    /** Expands {@code ~}, {@code %d} (home), {@code %h} (host), {@code %r} (remote user) and {@code %%}. */
    public static Path expandPath(String path, Path home, String host, String user) {
        StringBuilder out = new StringBuilder();
        String text = path.startsWith("~/") ? home + path.substring(1) : path;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char token = text.charAt(++i);
            switch (token) {
                case 'd' -> out.append(home);
                case 'h' -> out.append(host);
                case 'r' -> out.append(user);
                case '%' -> out.append('%');
                default -> out.append('%').append(token);
            }
        }
        return Path.of(out.toString());
    }

    private static List<String> words(String value) {
        List<String> words = new ArrayList<>();
        for (String word : value.split("[\\s,]+")) {
            if (!word.isEmpty()) {
                words.add(unquote(word));
            }
        }
        return words;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
