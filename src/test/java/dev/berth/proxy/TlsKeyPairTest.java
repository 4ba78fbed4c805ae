package dev.berth.proxy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TlsKeyPairTest {

    private static Optional<TlsProblem> check(String certificate, String key) {
        return TlsKeyPair.check(Golden.bytes("tls/" + certificate), Golden.bytes("tls/" + key));
    }

    @Nested
    class Matching {
        @ParameterizedTest(name = "{0} with {1}")
        @CsvSource({"rsa.crt, rsa.key", "rsa.crt, rsa-pkcs1.key", "ec.crt, ec.key", "chain.crt, leaf.key"})
        void aKeyBelongsToItsCertificateWhateverPemFormOpensslWroteIt(String certificate, String key) {
            assertThat(check(certificate, key)).isEmpty();
        }

        @Test
        void anotherKeyOfTheSameAlgorithmIsAMismatch() {
            assertThat(check("rsa.crt", "other-rsa.key")).contains(new TlsProblem("tls.key",
                    "does not belong to the first certificate in tls.crt (their public keys differ)"));
        }

        @Test
        void aKeyOfAnotherAlgorithmIsAMismatch() {
            assertThat(check("ec.crt", "rsa.key")).map(TlsProblem::key).contains("tls.key");
        }

        @Test
        void theKeyMustBelongToTheFirstCertificateOfAChainNotToALaterOne() {
            assertThat(check("chain.crt", "ec.key")).map(TlsProblem::key).contains("tls.key");
        }
    }

    @Nested
    class Unreadable {
        @Test
        void aCertificateThatIsNotPem() {
            assertThat(TlsKeyPair.check("certificate".getBytes(StandardCharsets.US_ASCII), Golden.bytes("tls/rsa.key")))
                    .contains(new TlsProblem("tls.crt", "holds no PEM certificate (-----BEGIN CERTIFICATE-----)"));
        }

        @Test
        void aCertificateWhosePemIsDamaged() {
            String damaged = Golden.read("tls/rsa.crt").replace("MII", "MIX");

            assertThat(TlsKeyPair.check(damaged.getBytes(StandardCharsets.US_ASCII), Golden.bytes("tls/rsa.key")))
                    .map(TlsProblem::key).contains("tls.crt");
        }

        @Test
        void aKeyThatIsNotPemIsReportedWithoutQuotingIt() {
            Optional<TlsProblem> problem = TlsKeyPair.check(Golden.bytes("tls/rsa.crt"),
                    "hunter2-secret".getBytes(StandardCharsets.US_ASCII));

            assertThat(problem).map(TlsProblem::key).contains("tls.key");
            assertThat(problem.orElseThrow().message()).doesNotContain("hunter2");
        }

        @Test
        void aDamagedKeyIsReportedWithoutQuotingAnyOfIt() {
            String key = Golden.read("tls/rsa.key");
            String body = key.lines().skip(1).findFirst().orElseThrow();
            String damaged = key.replace(body, body.substring(0, 10) + "!!" + body.substring(12));

            Optional<TlsProblem> problem = TlsKeyPair.check(Golden.bytes("tls/rsa.crt"),
                    damaged.getBytes(StandardCharsets.US_ASCII));

            assertThat(problem).map(TlsProblem::toString).contains("tls.key is not a valid PRIVATE KEY in PEM");
        }

        @Test
        void anEncryptedKeyIsRefusedForItsPassphrase() {
            String encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQww\n"
                    + "-----END ENCRYPTED PRIVATE KEY-----\n";

            assertThat(TlsKeyPair.check(Golden.bytes("tls/rsa.crt"), encrypted.getBytes(StandardCharsets.US_ASCII)))
                    .contains(new TlsProblem("tls.key", "is encrypted; nginx needs the key without a passphrase"));
        }
    }
}
