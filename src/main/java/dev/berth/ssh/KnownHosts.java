package dev.berth.ssh;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The entries of an OpenSSH known_hosts file and the question asked of them: is this the key of this host?
 * Understands plain and hashed ({@code |1|salt|hash}) host fields, {@code [host]:port}, wildcards and negation,
 * and {@code @revoked}. {@code @cert-authority} lines are skipped: berth does not accept host certificates.
 * Entries that name hosts literally are indexed by name, so that checking a thousand hosts against a file of a
 * thousand lines does not match every pattern of every line each time; wildcard and hashed entries are scanned.
 */
public final class KnownHosts {

    /** A public key as OpenSSH writes it: its type and the base64 of its wire encoding. */
    public record HostKey(String type, String base64) {
    }

    /** The answer for one host and key; {@code line} is the deciding known_hosts line (0 when none). */
    public record Verdict(Kind kind, int line) {
        public enum Kind { KNOWN, UNKNOWN, CHANGED, REVOKED }
    }

    private record Entry(int line, boolean revoked, List<String> patterns, String hashed, HostKey key) {
    }

    private final Map<HostKey, Integer> revoked = new HashMap<>();
    private final Map<String, List<Entry>> literal = new HashMap<>();
    private final List<Entry> scanned = new ArrayList<>();

    private KnownHosts(List<Entry> entries) {
        for (Entry entry : entries) {
            if (entry.revoked()) {
                revoked.putIfAbsent(entry.key(), entry.line());
            } else if (entry.hashed() == null && entry.patterns().stream().allMatch(KnownHosts::isLiteral)) {
                for (String host : entry.patterns()) {
                    List<Entry> named = literal.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new ArrayList<>());
                    if (named.isEmpty() || named.get(named.size() - 1) != entry) {
                        named.add(entry);
                    }
                }
            } else {
                scanned.add(entry);
            }
        }
    }

    private static boolean isLiteral(String pattern) {
        return pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && !pattern.startsWith("!");
    }

    public static KnownHosts parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            boolean revoked = false;
            int first = 0;
            if (fields[0].startsWith("@")) {
                if (!fields[0].equals("@revoked")) {
                    continue;
                }
                revoked = true;
                first = 1;
            }
            if (fields.length < first + 3) {
                continue;
            }
            String hosts = fields[first];
            HostKey key = new HostKey(fields[first + 1], fields[first + 2]);
            if (hosts.startsWith("|1|")) {
                entries.add(new Entry(i + 1, revoked, List.of(), hosts, key));
            } else {
                entries.add(new Entry(i + 1, revoked, List.of(hosts.split(",")), null, key));
            }
        }
        return new KnownHosts(entries);
    }

    /** The name OpenSSH looks up: {@code host} on port 22, {@code [host]:port} on any other. */
    public static String hostToken(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    /** The line that records {@code key} for {@code hostToken}, as accept-new appends it. */
    static String line(String hostToken, HostKey key) {
        return hostToken + " " + key.type() + " " + key.base64();
    }

    /**
     * Records {@code key} for {@code hostToken} at the end of the known_hosts {@code file}, on a line of its own
     * even when the file does not end with a newline; creates the file and its folder when missing. The one
     * place berth writes known_hosts: accept-new and the provisioner's {@code hostKey} both come here.
     */
    public static void append(Path file, String hostToken, HostKey key) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            String prefix = "";
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                byte[] existing = Files.readAllBytes(file);
                prefix = existing[existing.length - 1] == '\n' ? "" : "\n";
            }
            Files.writeString(file, prefix + line(hostToken, key) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a host key in " + file, e);
        }
    }

    public Verdict check(String hostToken, HostKey key) {
        Integer revokedLine = revoked.get(key);
        if (revokedLine != null) {
            return new Verdict(Verdict.Kind.REVOKED, revokedLine);
        }
        int differing = 0;
        int differingOfSameType = 0;
        for (Entry entry : naming(hostToken)) {
            if (entry.key().equals(key)) {
                return new Verdict(Verdict.Kind.KNOWN, entry.line());
            }
            if (differing == 0) {
                differing = entry.line();
            }
            if (differingOfSameType == 0 && entry.key().type().equals(key.type())) {
                differingOfSameType = entry.line();
            }
        }
        if (differing == 0) {
            return new Verdict(Verdict.Kind.UNKNOWN, 0);
        }
        return new Verdict(Verdict.Kind.CHANGED, differingOfSameType != 0 ? differingOfSameType : differing);
    }

    /**
     * The key types recorded for a host (revoked keys aside), in file order: what a client should prefer to
     * negotiate, since a key of another type could only be refused as changed.
     */
    public Set<String> keyTypes(String hostToken) {
        Set<String> types = new LinkedHashSet<>();
        naming(hostToken).forEach(entry -> types.add(entry.key().type()));
        return types;
    }

    /** The entries (revoked ones aside) that name {@code hostToken}, in file order. */
    private List<Entry> naming(String hostToken) {
        List<Entry> naming = new ArrayList<>(literal.getOrDefault(hostToken.toLowerCase(Locale.ROOT), List.of()));
        for (Entry entry : scanned) {
            if (names(entry, hostToken)) {
                naming.add(entry);
            }
        }
        naming.sort(Comparator.comparingInt(Entry::line));
        return naming;
    }

    private static boolean names(Entry entry, String hostToken) {
        if (entry.hashed() != null) {
            return hashedMatches(entry.hashed(), hostToken);
        }
        return HostPattern.matchesList(entry.patterns(), hostToken);
    }

    /** {@code |1|base64(salt)|base64(HMAC-SHA1(salt, host))}, as written by {@code HashKnownHosts yes}. */
    static boolean hashedMatches(String field, String hostToken) {
        String[] parts = field.split("\\|");
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, hmacSha1(salt, hostToken));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    static byte[] hmacSha1(byte[] salt, String hostToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(hostToken.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}
