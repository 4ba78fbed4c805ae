package dev.berth.ssh;

import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Private keys read from identity files, once per run however many nodes use them; a passphrase is asked for
 * at most once per file. A file that cannot be used is remembered with the reason, which the authentication
 * error then names.
 */
final class IdentityFiles {

    /** The keys of one file, or why there are none. */
    record Loaded(List<KeyPair> keys, String problem) {
    }

    private static final class NoOneToAsk extends IOException {
        NoOneToAsk() {
            super("no terminal");
        }
    }

    private final PassphrasePrompt prompt;
    private final ConcurrentMap<Path, Loaded> loaded = new ConcurrentHashMap<>();

    IdentityFiles(PassphrasePrompt prompt) {
        this.prompt = prompt;
    }

    /** The keys of {@code file}; a missing file is a problem only if it was configured explicitly. */
    Loaded load(Path file, boolean explicit) {
        return loaded.computeIfAbsent(file, f -> read(f, explicit));
    }

    /** The keys of an endpoint's files, in order, adding the problems found to {@code problems}. */
    List<KeyPair> keysFor(Endpoint endpoint, Collection<String> problems) {
        List<KeyPair> keys = new ArrayList<>();
        for (Path file : endpoint.identityFiles()) {
            Loaded result = load(file, endpoint.explicitIdentities());
            keys.addAll(result.keys());
            if (result.problem() != null) {
                problems.add(result.problem());
            }
        }
        return keys;
    }

    private Loaded read(Path file, boolean explicit) {
        if (!Files.isRegularFile(file)) {
            return new Loaded(List.of(), explicit ? "identity file " + file + " does not exist" : null);
        }
        FilePasswordProvider passwords = (session, resource, retry) -> {
            if (retry > 0) {
                return null;
            }
            Optional<String> passphrase = prompt.passphraseFor(file);
            if (passphrase.isEmpty()) {
                throw new NoOneToAsk();
            }
            return passphrase.get();
        };
        try (InputStream in = Files.newInputStream(file)) {
            List<KeyPair> keys = new ArrayList<>();
            Iterable<KeyPair> found = SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, passwords);
            if (found != null) {
                found.forEach(keys::add);
            }
            return new Loaded(List.copyOf(keys), null);
        } catch (NoOneToAsk e) {
            return new Loaded(List.of(), "identity file " + file
                    + " is passphrase-protected and no terminal is attached; load it into ssh-agent");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (causedBy(e, NoOneToAsk.class)) {
                return new Loaded(List.of(), "identity file " + file
                        + " is passphrase-protected and no terminal is attached; load it into ssh-agent");
            }
            return new Loaded(List.of(), "identity file " + file + " cannot be used: " + e.getMessage());
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
