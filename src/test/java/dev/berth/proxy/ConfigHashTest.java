package dev.berth.proxy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigHashTest {
    private static final String TEXT = "http {\n    server {\n        " + ConfigHash.line("") + "\n    }\n}\n";

    @Test
    void theHashIsTheSha256OfTheTextWithoutItsHashLine() throws Exception {
        String without = "http {\n    server {\n    }\n}\n";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(without.getBytes(StandardCharsets.UTF_8)));

        assertThat(ConfigHash.of(TEXT)).isEqualTo(expected);
    }

    @Test
    void aSealedConfigurationServesTheHashOfItselfWhateverTheLineHeld() {
        NginxConfig sealed = ConfigHash.seal(TEXT, 10254, List.of(), List.of());

        assertThat(sealed.text()).contains("location = /berth/config-hash { return 200 \"" + sealed.hash() + "\"; }");
        assertThat(ConfigHash.of(sealed.text())).isEqualTo(sealed.hash()).isEqualTo(ConfigHash.of(TEXT));
    }

    @Test
    void anyOtherChangeChangesTheHash() {
        assertThat(ConfigHash.of(TEXT.replace("server", "server "))).isNotEqualTo(ConfigHash.of(TEXT));
    }
}
