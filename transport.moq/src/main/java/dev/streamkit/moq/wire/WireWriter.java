package dev.streamkit.moq.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds one message body in memory; {@link MessageIo} then writes it with its size prefix. */
public final class WireWriter {

    private byte[] buffer = new byte[64];
    private int size;

    /** A QUIC varint. */
    public WireWriter varint(long value) {
        ensure(8);
        size += Varint.encode(value, buffer, size);
        return this;
    }

    /** One byte, 0-255. */
    public WireWriter u8(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("u8 out of range: " + value);
        }
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    /** A big-endian 16-bit integer, 0-65535. */
    public WireWriter u16(int value) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("u16 out of range: " + value);
        }
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    /** A boolean as one byte. */
    public WireWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    /** Raw bytes. */
    public WireWriter bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
        return this;
    }

    /** A varint length then UTF-8. */
    public WireWriter string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return varint(utf8.length).bytes(utf8);
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
