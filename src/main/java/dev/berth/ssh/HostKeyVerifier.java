package dev.berth.ssh;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks a server's host key the way OpenSSH does, against the known_hosts file of the endpoint being reached
 * and under the name the user configured (never a resolved address, and not 127.0.0.1 when the connection
 * runs through a jump host). A refusal is kept in the connection's context so that the failure can say why.
 */
final class HostKeyVerifier implements ServerKeyVerifier {
    static final AttributeKey<Endpoint> ENDPOINT = new AttributeKey<>();
    static final AttributeKey<AtomicReference<String>> REFUSAL = new AttributeKey<>();

    /** Parsed files, re-read after every key accept-new adds; the map's lock orders appends in this process. */
    private final ConcurrentMap<Path, KnownHosts> files = new ConcurrentHashMap<>();

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        Endpoint endpoint = session.getConnectionContext().getAttribute(ENDPOINT);
        String refusal;
        try {
            String[] typeAndKey = PublicKeyEntry.toString(serverKey).split(" ");
            refusal = check(endpoint, new KnownHosts.HostKey(typeAndKey[0], typeAndKey[1]));
        } catch (RuntimeException e) {
            refusal = endpoint.describe() + ": cannot check the host key: " + e.getMessage();
        }
        if (refusal != null) {
            session.getConnectionContext().getAttribute(REFUSAL).set(refusal);
            return false;
        }
        return true;
    }

    /** Null when the key may be used; otherwise the one-line reason it may not. */
    String check(Endpoint endpoint, KnownHosts.HostKey key) {
        Path file = endpoint.knownHostsFile();
        String token = KnownHosts.hostToken(endpoint.hostName(), endpoint.port());
        synchronized (files) {
            KnownHosts.Verdict verdict = files.computeIfAbsent(file, HostKeyVerifier::read).check(token, key);
            switch (verdict.kind()) {
                case KNOWN:
                    return null;
                case REVOKED:
                    return endpoint.describe() + ": host key " + key.type() + " is revoked in " + file
                            + " line " + verdict.line();
                case CHANGED:
                    return endpoint.describe() + ": host key has changed (" + file + " line " + verdict.line()
                            + " holds another); if the server was reinstalled, remove the old key with"
                            + " ssh-keygen -R '" + token + "'";
                default:
                    if (endpoint.hostKeyPolicy() != HostKeyPolicy.ACCEPT_NEW) {
                        return endpoint.describe() + ": host key is not in " + file
                                + "; add it with ssh-keyscan, or set hostKeyPolicy: accept-new";
                    }
                    KnownHosts.append(file, token, key);
                    files.put(file, read(file));
                    return null;
            }
        }
    }

    /** The key types known_hosts holds for the endpoint, looked up under the same name as {@link #check}. */
    Set<String> knownKeyTypes(Endpoint endpoint) {
        String token = KnownHosts.hostToken(endpoint.hostName(), endpoint.port());
        synchronized (files) {
            return files.computeIfAbsent(endpoint.knownHostsFile(), HostKeyVerifier::read).keyTypes(token);
        }
    }

    private static KnownHosts read(Path file) {
        try {
            return KnownHosts.parse(Files.isRegularFile(file) ? Files.readAllLines(file) : List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
