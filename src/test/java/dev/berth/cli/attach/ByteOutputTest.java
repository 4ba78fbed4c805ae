package dev.berth.cli.attach;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class ByteOutputTest {

    @Test
    void bytesPassUntouchedAfterWhatTheWriterHeld() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter writer = new PrintWriter(bytes, false, StandardCharsets.UTF_8);
        writer.print("note first\n");
        byte[] binary = {0, (byte) 0xff, (byte) 0xc3, 10};

        ByteOutput.to(bytes, writer).accept(binary);

        byte[] written = bytes.toByteArray();
        assertThat(new String(written, 0, 11, StandardCharsets.UTF_8)).isEqualTo("note first\n");
        assertThat(Arrays.copyOfRange(written, 11, written.length)).isEqualTo(binary);
    }

    @Test
    void withoutBytesTextIsDecodedAcrossChunks() {
        StringWriter text = new StringWriter();
        Consumer<byte[]> output = ByteOutput.to(null, new PrintWriter(text));
        byte[] ship = "⛵ and 🚢\n".getBytes(StandardCharsets.UTF_8);

        for (int i = 0; i < ship.length; i++) {
            output.accept(new byte[] {ship[i]});
        }

        assertThat(text).hasToString("⛵ and 🚢\n");
    }
}
