package dev.berth.ssh;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HostKeyAlgorithmOrderTest {
    /** MINA SSHD 2.20's default host key algorithms, in its order. */
    static final String DEFAULTS = "ecdsa-sha2-nistp256-cert-v01@openssh.com,ssh-ed25519-cert-v01@openssh.com,"
            + "rsa-sha2-512-cert-v01@openssh.com,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ssh-ed25519,"
            + "sk-ssh-ed25519@openssh.com,rsa-sha2-512,rsa-sha2-256,ssh-rsa";

    @Nested
    class KnownFirst {
        @Test
        void putsTheKnownEd25519AlgorithmFirstAndKeepsTheRestInOrder() {
            assertThat(HostKeyAlgorithmOrder.knownFirst(DEFAULTS, Set.of("ssh-ed25519"))).isEqualTo(
                    "ssh-ed25519,ecdsa-sha2-nistp256-cert-v01@openssh.com,ssh-ed25519-cert-v01@openssh.com,"
                            + "rsa-sha2-512-cert-v01@openssh.com,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,"
                            + "sk-ssh-ed25519@openssh.com,rsa-sha2-512,rsa-sha2-256,ssh-rsa");
        }

        @Test
        void movesEverySignatureAlgorithmOfAKnownRsaKey() {
            assertThat(HostKeyAlgorithmOrder.knownFirst(DEFAULTS, Set.of("ssh-rsa"))).startsWith(
                    "rsa-sha2-512,rsa-sha2-256,ssh-rsa,ecdsa-sha2-nistp256-cert-v01@openssh.com,");
        }

        @Test
        void putsEd25519FirstAmongSeveralKnownTypesAsOpenSshDoesAndKeepsTheOthersInOrder() {
            assertThat(HostKeyAlgorithmOrder.knownFirst(DEFAULTS, Set.of("ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp384")))
                    .startsWith("ssh-ed25519,ecdsa-sha2-nistp384,rsa-sha2-512,rsa-sha2-256,ssh-rsa,"
                            + "ecdsa-sha2-nistp256-cert-v01@openssh.com,");
        }

        @Test
        void keepsTheDefaultOrderAmongKnownTypesWithoutEd25519() {
            assertThat(HostKeyAlgorithmOrder.knownFirst(DEFAULTS, Set.of("ssh-rsa", "ecdsa-sha2-nistp256")))
                    .startsWith("ecdsa-sha2-nistp256,rsa-sha2-512,rsa-sha2-256,ssh-rsa,"
                            + "ecdsa-sha2-nistp256-cert-v01@openssh.com,");
        }

        @Test
        void leavesTheOrderAloneForAnUnknownHost() {
            assertThat(HostKeyAlgorithmOrder.knownFirst(DEFAULTS, Set.of())).isEqualTo(DEFAULTS);
        }
    }

    @Nested
    class KeyTypes {
        @Test
        void areTheAlgorithmNameForPlainKeys() {
            assertThat(HostKeyAlgorithmOrder.keyType("ssh-ed25519")).isEqualTo("ssh-ed25519");
            assertThat(HostKeyAlgorithmOrder.keyType("ecdsa-sha2-nistp521")).isEqualTo("ecdsa-sha2-nistp521");
            assertThat(HostKeyAlgorithmOrder.keyType("sk-ssh-ed25519@openssh.com")).isEqualTo("sk-ssh-ed25519@openssh.com");
        }

        @Test
        void areSshRsaForTheSha2Signatures() {
            assertThat(HostKeyAlgorithmOrder.keyType("rsa-sha2-256")).isEqualTo("ssh-rsa");
            assertThat(HostKeyAlgorithmOrder.keyType("rsa-sha2-512")).isEqualTo("ssh-rsa");
        }

        @Test
        void areNoneForCertificates() {
            assertThat(HostKeyAlgorithmOrder.keyType("ssh-ed25519-cert-v01@openssh.com")).isNull();
        }
    }
}
