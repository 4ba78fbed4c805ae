package dev.berth.proxy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Just enough DER to take apart the SEC1 EC keys openssl writes and to put PKCS#1 and SEC1 keys into the
 * PKCS#8 envelope the JDK reads. Malformed input throws {@link IllegalArgumentException}.
 */
final class DerReader {
    static final int SEQUENCE = 0x30;
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int OBJECT_IDENTIFIER = 0x06;
    static final int NULL = 0x05;

    private final byte[] bytes;
    private int offset;

    DerReader(byte[] bytes) {
        this.bytes = bytes;
    }

    boolean hasMore() {
        return offset < bytes.length;
    }

    /** One element: its tag and its content; the reader moves past it. */
    Element next() {
        int tag = read();
        int length = read();
        if (length >= 0x80) {
            int count = length & 0x7f;
            if (count == 0 || count > 3) {
                throw new IllegalArgumentException("unsupported DER length");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | read();
            }
        }
        if (length > bytes.length - offset) {
            throw new IllegalArgumentException("truncated DER");
        }
        byte[] content = Arrays.copyOfRange(bytes, offset, offset + length);
        offset += length;
        return new Element(tag, content);
    }

    private int read() {
        if (offset >= bytes.length) {
            throw new IllegalArgumentException("truncated DER");
        }
        return bytes[offset++] & 0xff;
    }

    /** A tag and its content. */
    record Element(int tag, byte[] content) {
        DerReader children() {
            return new DerReader(content);
        }

        byte[] encoded() {
            return DerReader.encode(tag, content);
        }
    }

    static byte[] encode(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int length = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
