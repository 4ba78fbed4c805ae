package dev.berth.ssh;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts first, in every key exchange a connection proposes, the host key algorithms for which known_hosts already
 * holds a key of that server, as OpenSSH does. Otherwise a server that offers several key types could negotiate
 * one the user never pinned, and a correctly pinned server would be refused as "changed". The lookup uses the
 * endpoint's file and name exactly as {@link HostKeyVerifier} checks them. On a first contact (nothing known),
 * ed25519 goes first, as in OpenSSH's default order.
 */
final class HostKeyAlgorithmOrder implements SessionListener {
    private static final String CERTIFICATE = "-cert-v01@openssh.com";
    private static final String RSA_SHA2 = "rsa-sha2-";
    /** What OpenSSH prefers on a first contact, so that accept-new records the key OpenSSH would record. */
    static final String FIRST_CONTACT = "ssh-ed25519";

    private final HostKeyVerifier verifier;

    HostKeyAlgorithmOrder(HostKeyVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void sessionNegotiationOptionsCreated(Session session, Map<KexProposalOption, String> proposal) {
        if (!(session instanceof ClientSession client)) {
            return;
        }
        AttributeRepository context = client.getConnectionContext();
        Endpoint endpoint = context == null ? null : context.getAttribute(HostKeyVerifier.ENDPOINT);
        String algorithms = proposal.get(KexProposalOption.SERVERKEYS);
        if (endpoint == null || algorithms == null) {
            return;
        }
        Set<String> known;
        try {
            known = verifier.knownKeyTypes(endpoint);
        } catch (RuntimeException unreadable) {
            return; // the host key check reports the unreadable file
        }
        proposal.put(KexProposalOption.SERVERKEYS,
                knownFirst(algorithms, known.isEmpty() ? Set.of(FIRST_CONTACT) : known));
    }

    /**
     * {@code algorithms} (comma-separated, in preference order) with those whose key type is in
     * {@code knownKeyTypes} moved to the front, {@code ssh-ed25519} first among them as in OpenSSH's order (MINA
     * prefers ECDSA); each group otherwise keeps its order. So berth checks the key OpenSSH would check against
     * the same known_hosts, and the cheapest: an ECDSA host key costs a short run the set-up of BouncyCastle's
     * elliptic curves, some 60 classes and their initialisation.
     */
    static String knownFirst(String algorithms, Set<String> knownKeyTypes) {
        List<String> first = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String algorithm : algorithms.split(",")) {
            String type = keyType(algorithm);
            if (type == null || !knownKeyTypes.contains(type)) {
                rest.add(algorithm);
            } else if (algorithm.equals(FIRST_CONTACT)) {
                first.add(0, algorithm);
            } else {
                first.add(algorithm);
            }
        }
        first.addAll(rest);
        return String.join(",", first);
    }

    /**
     * The known_hosts key type an algorithm proves: {@code rsa-sha2-256} and {@code rsa-sha2-512} sign with an
     * {@code ssh-rsa} key; certificate algorithms prove no plain key (berth does not accept host certificates).
     */
    static String keyType(String algorithm) {
        if (algorithm.endsWith(CERTIFICATE)) {
            return null;
        }
        return algorithm.startsWith(RSA_SHA2) ? "ssh-rsa" : algorithm;
    }
}
