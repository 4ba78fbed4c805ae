package dev.berth.proxy;

import java.util.Optional;

/**
 * Checks a certificate chain and private key in PEM, as a {@code kubernetes.io/tls} Secret holds them, with the
 * JDK alone: the chain parses, the key parses (PKCS#8, or PKCS#1 RSA and SEC1 EC keys as openssl writes them), and
 * the first certificate's public key is the key's. Messages never quote the key or any part of it.
 */
public final class TlsKeyPair {

    private TlsKeyPair() {
    }

    /** What is wrong with a certificate chain and key, or empty when the key belongs to the first certificate. */
    public static Optional<String> problem(byte[] certificate, byte[] key) {
        throw new UnsupportedOperationException("not yet");
    }
}
