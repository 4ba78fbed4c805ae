package dev.berth.cli.attach;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Where a remote command's output goes untouched: the bytes under a standard stream when the run has them, or
 * else (a run with writers only) the writer, decoded as UTF-8 across chunk boundaries.
 */
final class ByteOutput {

    private ByteOutput() {
    }

    /** Chunks to {@code bytes}, after what {@code writer} holds, or to {@code writer} when there are no bytes. */
    static Consumer<byte[]> to(OutputStream bytes, PrintWriter writer) {
        if (bytes == null) {
            return decoding(writer);
        }
        return chunk -> {
            synchronized (bytes) {
                writer.flush();
                try {
                    bytes.write(chunk);
                    bytes.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static Consumer<byte[]> decoding(PrintWriter writer) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer pending = ByteBuffer.allocate(0);
        ByteBuffer[] left = {pending};
        return chunk -> {
            synchronized (decoder) {
                ByteBuffer input = ByteBuffer.allocate(left[0].remaining() + chunk.length);
                input.put(left[0]).put(chunk).flip();
                CharBuffer chars = CharBuffer.allocate(input.remaining() + 1);
                decoder.decode(input, chars, false);
                left[0] = input.slice();
                chars.flip();
                writer.append(chars);
                writer.flush();
            }
        };
    }
}
