package dev.berth.lab;

import dev.berth.error.ClusterException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PinnedHostKeysTest {

    @Test
    void pinsEachNodesKeyByAddressWithoutTheKeysComment() {
        String text = PinnedHostKeys.render(List.of(
                new PinnedHostKeys.Entry("172.20.0.11", "ssh-ed25519 AAAAC3one root@node-1\n"),
                new PinnedHostKeys.Entry("172.20.0.12", "ssh-ed25519 AAAAC3two")));
        assertThat(text).isEqualTo("172.20.0.11 ssh-ed25519 AAAAC3one\n172.20.0.12 ssh-ed25519 AAAAC3two\n");
    }

    @Test
    void pinsEveryKeyTypeTheNodeOffersSoAnyNegotiatedAlgorithmFindsItsKey() {
        String text = PinnedHostKeys.render(List.of(new PinnedHostKeys.Entry("172.20.0.11",
                "ssh-ed25519 AAAAC3one root@node-1\necdsa-sha2-nistp256 AAAAE2two root@node-1\nssh-rsa AAAAB3three root@node-1\n")));
        assertThat(text).isEqualTo("172.20.0.11 ssh-ed25519 AAAAC3one\n172.20.0.11 ecdsa-sha2-nistp256 AAAAE2two\n"
                + "172.20.0.11 ssh-rsa AAAAB3three\n");
    }

    @Test
    void refusesANodeWithoutHostKeys() {
        assertThatThrownBy(() -> PinnedHostKeys.render(List.of(new PinnedHostKeys.Entry("172.20.0.11", "\n"))))
                .isInstanceOf(ClusterException.class)
                .hasMessage("node 172.20.0.11 has no host key");
    }

    @Test
    void refusesSomethingThatIsNoPublicKey() {
        assertThatThrownBy(() -> PinnedHostKeys.line("172.20.0.11", "cat: no such file"))
                .isInstanceOf(ClusterException.class)
                .hasMessage("node 172.20.0.11 has no readable host key (got \"cat: no such file\")");
    }
}
