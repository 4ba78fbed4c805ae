package dev.berth.proxy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a certificate chain and private key in PEM, as a {@code kubernetes.io/tls} Secret holds them, with the
 * JDK alone: the chain parses, the key parses (PKCS#8, or the PKCS#1 RSA and SEC1 EC keys openssl also writes),
 * and the key belongs to the first certificate, proved by a signature the certificate's public key verifies.
 * Messages never quote the key or any part of it.
 */
public final class TlsKeyPair {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final List<String> ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");
    private static final byte[] RSA_ENCRYPTION = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
            0x01, 0x01};
    private static final byte[] EC_PUBLIC_KEY = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final byte[] VERSION_0 = {DerReader.INTEGER, 1, 0};

    private TlsKeyPair() {
    }

    /** What is wrong with a certificate chain and key, or empty when the key belongs to the first certificate. */
    public static Optional<TlsProblem> check(byte[] certificate, byte[] key) {
        String chain = new String(certificate, StandardCharsets.US_ASCII);
        if (!chain.contains("-----BEGIN CERTIFICATE-----")) {
            return problem("tls.crt", "holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        List<? extends Certificate> certificates;
        try {
            certificates = List.copyOf(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(certificate)));
        } catch (CertificateException | RuntimeException e) {
            return problem("tls.crt", "is not a valid PEM certificate chain");
        }
        if (certificates.isEmpty()) {
            return problem("tls.crt", "holds no certificate");
        }
        Matcher pem = PEM.matcher(new String(key, StandardCharsets.US_ASCII));
        if (!pem.find()) {
            return problem("tls.key", "holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
        String type = pem.group(1);
        if (type.equals("ENCRYPTED PRIVATE KEY") || pem.group(2).contains("ENCRYPTED")) {
            return problem("tls.key", "is encrypted; nginx needs the key without a passphrase");
        }
        PrivateKey privateKey;
        try {
            privateKey = privateKey(type, Base64.getMimeDecoder().decode(body(pem.group(2))));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return problem("tls.key", "is not a valid " + type + " in PEM");
        }
        return matches(privateKey, certificates.get(0).getPublicKey()) ? Optional.empty()
                : problem("tls.key", "does not belong to the first certificate in tls.crt (their public keys differ)");
    }

    private static Optional<TlsProblem> problem(String key, String message) {
        return Optional.of(new TlsProblem(key, message));
    }

    /** The base64 of a PEM block without the headers an old-style block may carry. */
    private static String body(String block) {
        int headers = block.indexOf("\n\n");
        return block.contains(":") && headers >= 0 ? block.substring(headers + 2) : block;
    }

    private static PrivateKey privateKey(String type, byte[] der) throws GeneralSecurityException {
        byte[] pkcs8 = switch (type) {
            case "PRIVATE KEY" -> der;
            case "RSA PRIVATE KEY" -> DerReader.encode(DerReader.SEQUENCE, VERSION_0,
                    DerReader.encode(DerReader.SEQUENCE, DerReader.encode(DerReader.OBJECT_IDENTIFIER, RSA_ENCRYPTION),
                            DerReader.encode(DerReader.NULL)),
                    DerReader.encode(DerReader.OCTET_STRING, der));
            case "EC PRIVATE KEY" -> DerReader.encode(DerReader.SEQUENCE, VERSION_0,
                    DerReader.encode(DerReader.SEQUENCE, DerReader.encode(DerReader.OBJECT_IDENTIFIER, EC_PUBLIC_KEY),
                            curve(der)),
                    DerReader.encode(DerReader.OCTET_STRING, der));
            default -> throw new GeneralSecurityException("unsupported PEM type");
        };
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not a key of this algorithm: try the next
            }
        }
        throw new GeneralSecurityException("no algorithm reads the key");
    }

    /** The curve's object identifier, from the {@code [0]} parameters of a SEC1 key. */
    private static byte[] curve(byte[] sec1) {
        DerReader fields = new DerReader(sec1).next().children();
        while (fields.hasMore()) {
            DerReader.Element field = fields.next();
            if (field.tag() == 0xa0) {
                return field.content();
            }
        }
        throw new IllegalArgumentException("an EC key without its curve");
    }

    /** Whether the private key signs what the public key verifies. */
    private static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        String signature = switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> privateKey.getAlgorithm();
        };
        try {
            byte[] message = "berth checks that this key belongs to its certificate".getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance(signature);
            signer.initSign(privateKey);
            signer.update(message);
            byte[] signed = signer.sign();
            Signature verifier = Signature.getInstance(signature);
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signed);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
