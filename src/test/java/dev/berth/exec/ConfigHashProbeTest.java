package dev.berth.exec;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigHashProbeTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheHashFromTheBodyOfA200() {
        assertThat(ConfigHashProbe.body(bytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n3f2a9c\n")))
                .isEqualTo("3f2a9c");
    }

    @Test
    void anyOtherAnswerIsNoHash() {
        assertThat(ConfigHashProbe.body(bytes("HTTP/1.1 404 Not Found\r\n\r\n3f2a9c"))).isEmpty();
        assertThat(ConfigHashProbe.body(bytes("SSH-2.0-OpenSSH\r\n"))).isEmpty();
        assertThat(ConfigHashProbe.body(bytes(""))).isEmpty();
    }
}
