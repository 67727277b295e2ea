package dev.streamkit.moq.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Size-prefixed messages on a stream: moq-lite prefixes each body with a varint size, the SETUP messages
 * (draft-14 layout) with a big-endian u16. Reads refuse a declared size above the caller's cap before
 * allocating anything.
 */
public final class MessageIo {

    /** Decodes a message body. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(WireReader reader) throws ProtocolViolation;
    }

    private MessageIo() {
    }

    /** The body of {@code message} prefixed with its varint size. */
    public static byte[] frame(WireMessage message, long version) {
        WireWriter body = new WireWriter();
        message.encode(body, version);
        return new WireWriter().varint(body.size()).bytes(body.toByteArray()).toByteArray();
    }

    /** Writes {@code message} with a varint size prefix (does not flush). */
    public static void write(OutputStream out, WireMessage message, long version) throws IOException {
        out.write(frame(message, version));
    }

    /** Writes {@code message} with a u16 size prefix, as SETUP is framed. */
    public static void writeU16(OutputStream out, WireMessage message, long version) throws IOException {
        WireWriter body = new WireWriter();
        message.encode(body, version);
        out.write(new WireWriter().u16(body.size()).bytes(body.toByteArray()).toByteArray());
    }

    /**
     * Reads one varint-size-prefixed message and decodes it exactly; {@code null} when the stream ended cleanly
     * before it.
     */
    public static <T> T readOrEnd(InputStream in, int maxSize, Decoder<T> decoder) throws IOException {
        long size = Varint.readOrEnd(in);
        if (size < 0) {
            return null;
        }
        return decodeBody(in, size, maxSize, decoder);
    }

    /** Reads one varint-size-prefixed message; an end of stream is an {@link EOFException}. */
    public static <T> T read(InputStream in, int maxSize, Decoder<T> decoder) throws IOException {
        T message = readOrEnd(in, maxSize, decoder);
        if (message == null) {
            throw new EOFException("stream ended before a message");
        }
        return message;
    }

    /** Reads one u16-size-prefixed message (SETUP). */
    public static <T> T readU16(InputStream in, int maxSize, Decoder<T> decoder) throws IOException {
        int high = in.read();
        int low = in.read();
        if (high < 0 || low < 0) {
            throw new EOFException("stream ended before a SETUP size");
        }
        return decodeBody(in, (high << 8) | low, maxSize, decoder);
    }

    /** Reads exactly {@code size} bytes; an end of stream before them is an {@link EOFException}. */
    public static byte[] readExactly(InputStream in, int size) throws IOException {
        byte[] bytes = in.readNBytes(size);
        if (bytes.length < size) {
            throw new EOFException("stream ended after " + bytes.length + " of " + size + " bytes");
        }
        return bytes;
    }

    private static <T> T decodeBody(InputStream in, long size, int maxSize, Decoder<T> decoder) throws IOException {
        if (size > maxSize) {
            throw new ProtocolViolation(MoqErrorCode.BOUNDS_EXCEEDED,
                    "message of " + size + " bytes exceeds " + maxSize);
        }
        WireReader reader = new WireReader(readExactly(in, (int) size));
        T message = decoder.decode(reader);
        reader.expectEnd();
        return message;
    }
}
