package dev.streamkit.moq.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * QUIC variable-length integers (RFC 9000 §16): the two high bits of the first byte give the length (1, 2, 4 or
 * 8 bytes), the rest is the big-endian value, at most 2^62-1.
 */
public final class Varint {

    /** The largest value a varint holds. */
    public static final long MAX = (1L << 62) - 1;

    private Varint() {
    }

    /** How many bytes {@code value} takes. */
    public static int size(long value) {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("varint out of range: " + value);
        }
        if (value < (1L << 6)) {
            return 1;
        }
        if (value < (1L << 14)) {
            return 2;
        }
        return value < (1L << 30) ? 4 : 8;
    }

    /** Writes {@code value} into {@code target} at {@code offset}; returns the bytes written. */
    public static int encode(long value, byte[] target, int offset) {
        int size = size(value);
        long tagged = value | ((long) Integer.numberOfTrailingZeros(size) << (size * 8 - 2));
        for (int i = size - 1; i >= 0; i--) {
            target[offset + i] = (byte) tagged;
            tagged >>>= 8;
        }
        return size;
    }

    /** {@code value} as its own byte array. */
    public static byte[] encode(long value) {
        byte[] bytes = new byte[size(value)];
        encode(value, bytes, 0);
        return bytes;
    }

    /** Writes {@code value} to {@code out}. */
    public static void write(OutputStream out, long value) throws IOException {
        out.write(encode(value));
    }

    /** Reads a varint; -1 when the stream ends cleanly before its first byte. */
    public static long readOrEnd(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return -1;
        }
        int size = 1 << (first >>> 6);
        long value = first & 0x3f;
        for (int i = 1; i < size; i++) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("stream ended inside a varint");
            }
            value = (value << 8) | next;
        }
        return value;
    }

    /** Reads a varint; an end of stream is an {@link EOFException}. */
    public static long read(InputStream in) throws IOException {
        long value = readOrEnd(in);
        if (value < 0) {
            throw new EOFException("stream ended before a varint");
        }
        return value;
    }
}
