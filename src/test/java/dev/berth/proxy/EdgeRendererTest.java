package dev.berth.proxy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeRendererTest {
    static final EdgeSettings SETTINGS = new EdgeSettings(80, 443, EdgeSettings.HASH_PORT, EdgeSettings.DIRECTORY);

    static Stream<String> cases() {
        return EdgeCases.all().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheGoldenConfiguration(String name) {
        Golden.assertMatches("edge/" + name + ".conf", EdgeCases.all().get(name).render(SETTINGS).text());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theConfigurationServesItsOwnHash(String name) {
        NginxConfig config = EdgeCases.all().get(name).render(SETTINGS);

        assertThat(config.hash()).hasSize(64).isEqualTo(ConfigHash.of(config.text()));
        assertThat(config.text()).contains(ConfigHash.line(config.hash()))
                .contains("listen 127.0.0.1:" + EdgeSettings.HASH_PORT + ";");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void nginxAcceptsTheConfiguration(String name, @TempDir Path directory) throws Exception {
        NginxAccepts.assumeInstalled();
        EdgeSettings here = new EdgeSettings(80, 443, EdgeSettings.HASH_PORT, directory.toString());

        NginxAccepts.assertAccepted(EdgeCases.all().get(name).render(here), directory);
    }
}
