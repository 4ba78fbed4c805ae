package dev.berth.ssh;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.global.AbstractOpenSshHostKeysHandler;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What berth's MINA client proposes and which of the server's requests it handles. */
class KeyExchangeOrderTest {

    @Test
    void mlkemThenX25519ComeFirstAndNothingIsDropped() {
        List<String> mina = SshClient.setUpDefaultClient().getKeyExchangeFactories().stream()
                .map(NamedResource::getName).toList();

        List<String> ordered = SshTransport.client(null).getKeyExchangeFactories().stream()
                .map(NamedResource::getName).toList();

        assertThat(ordered).startsWith("mlkem768x25519-sha256", "curve25519-sha256", "curve25519-sha256@libssh.org");
        assertThat(ordered).containsExactlyInAnyOrderElementsOf(mina);
        assertThat(ordered.indexOf("curve25519-sha256")).isLessThan(ordered.indexOf("sntrup761x25519-sha512"));
    }

    @Test
    void theClientIgnoresOpenSshsListOfHostKeys() {
        assertThat(SshClient.setUpDefaultClient().getGlobalRequestHandlers())
                .anyMatch(handler -> handler instanceof AbstractOpenSshHostKeysHandler);

        assertThat(SshTransport.client(null).getGlobalRequestHandlers())
                .noneMatch(handler -> handler instanceof AbstractOpenSshHostKeysHandler);
    }

    @Test
    void theOthersKeepTheirOrder() {
        List<NamedResource> available = List.of(named("a"), named("curve25519-sha256"), named("b"),
                named("mlkem768x25519-sha256"), named("c"));

        assertThat(KeyExchangeOrder.of(available).stream().map(NamedResource::getName))
                .containsExactly("mlkem768x25519-sha256", "curve25519-sha256", "a", "b", "c");
    }

    @Test
    void aPreferredExchangeThatIsMissingIsSkipped() {
        assertThat(KeyExchangeOrder.of(List.of(named("x"), named("curve25519-sha256"))).stream().map(NamedResource::getName))
                .containsExactly("curve25519-sha256", "x");
    }

    private static NamedResource named(String name) {
        return () -> name;
    }
}
