package dev.streamkit.moq.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one message body held in memory. Every read checks the remaining length, so a truncated or lying body
 * is a {@link ProtocolViolation}, never an out-of-bounds read or a large allocation.
 */
public final class WireReader {

    /** The longest string (path, track name, URI) accepted, in UTF-8 bytes. */
    public static final int MAX_STRING_BYTES = 4096;

    private final byte[] bytes;
    private final int end;
    private int position;

    public WireReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public WireReader(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    /** Bytes left unread. */
    public int remaining() {
        return end - position;
    }

    /** Fails unless the body was consumed exactly. */
    public void expectEnd() throws ProtocolViolation {
        if (position != end) {
            throw new ProtocolViolation(MoqErrorCode.WRONG_SIZE, "message has " + remaining() + " trailing bytes");
        }
    }

    /** A QUIC varint. */
    public long varint() throws ProtocolViolation {
        need(1, "varint");
        int size = 1 << ((bytes[position] & 0xff) >>> 6);
        need(size, "varint");
        long value = bytes[position++] & 0x3f;
        for (int i = 1; i < size; i++) {
            value = (value << 8) | (bytes[position++] & 0xff);
        }
        return value;
    }

    /** A varint that must fit an int and be at most {@code max} (counts, lengths). */
    public int count(int max, String what) throws ProtocolViolation {
        long value = varint();
        if (value > max) {
            throw new ProtocolViolation(MoqErrorCode.BOUNDS_EXCEEDED, what + " " + value + " exceeds " + max);
        }
        return (int) value;
    }

    /** One unsigned byte. */
    public int u8() throws ProtocolViolation {
        need(1, "u8");
        return bytes[position++] & 0xff;
    }

    /** A big-endian unsigned 16-bit integer. */
    public int u16() throws ProtocolViolation {
        need(2, "u16");
        int value = ((bytes[position] & 0xff) << 8) | (bytes[position + 1] & 0xff);
        position += 2;
        return value;
    }

    /** A boolean byte: 0 or 1, anything else is malformed. */
    public boolean bool() throws ProtocolViolation {
        int value = u8();
        if (value > 1) {
            throw ProtocolViolation.decode("invalid bool " + value);
        }
        return value == 1;
    }

    /** {@code length} raw bytes. */
    public byte[] bytes(int length) throws ProtocolViolation {
        need(length, "bytes");
        byte[] copy = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return copy;
    }

    /** All bytes left. */
    public byte[] rest() throws ProtocolViolation {
        return bytes(remaining());
    }

    /** A varint length then that many bytes of valid UTF-8, at most {@link #MAX_STRING_BYTES}. */
    public String string() throws ProtocolViolation {
        int length = count(MAX_STRING_BYTES, "string length");
        need(length, "string");
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, position, length)).toString();
            position += length;
            return value;
        } catch (CharacterCodingException e) {
            throw ProtocolViolation.decode("string is not valid UTF-8");
        }
    }

    private void need(int count, String what) throws ProtocolViolation {
        if (count < 0 || count > end - position) {
            throw ProtocolViolation.decode("message too short for " + what);
        }
    }
}
