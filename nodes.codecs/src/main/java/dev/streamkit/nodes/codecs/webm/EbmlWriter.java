package dev.streamkit.nodes.codecs.webm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Builds EBML (RFC 8794) elements into a byte buffer: an element is its ID (written as given, the
 * length marker included), a variable-length size and the data. Masters are built by writing their
 * children into a nested writer first, or opened with an unknown size for live streaming.
 *
 * <pre>{@code
 *   EbmlWriter info = new EbmlWriter().uint(WebmIds.TIMECODE_SCALE, 1_000_000).string(WebmIds.MUXING_APP, "x");
 *   byte[] bytes = new EbmlWriter().master(WebmIds.INFO, info).toByteArray();
 * }</pre>
 * Not thread-safe.
 */
final class EbmlWriter {

    /** The reserved all-ones 8-byte size: the element extends to the end of its parent or stream. */
    static final long UNKNOWN_SIZE = -1;
    private static final long MAX_SIZE = (1L << 56) - 2;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** An unsigned integer element in the fewest bytes (at least one). */
    EbmlWriter uint(int id, long value) {
        int length = 1;
        while (length < 8 && (value >>> (8 * length)) != 0) length++;
        header(id, length);
        for (int i = length - 1; i >= 0; i--) out.write((int) (value >>> (8 * i)));
        return this;
    }

    /** A 64-bit IEEE float element. */
    EbmlWriter float64(int id, double value) {
        return bytes(id, ByteBuffer.allocate(8).putDouble(value).array());
    }

    /** A UTF-8 string element. */
    EbmlWriter string(int id, String value) {
        return bytes(id, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A binary element. */
    EbmlWriter bytes(int id, byte[] data) {
        header(id, data.length);
        out.writeBytes(data);
        return this;
    }

    /** A master element whose children are {@code children}'s bytes. */
    EbmlWriter master(int id, EbmlWriter children) {
        return bytes(id, children.toByteArray());
    }

    /** The ID and an unknown size of a master whose children follow in the stream. */
    EbmlWriter openUnknownSize(int id) {
        header(id, UNKNOWN_SIZE);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void header(int id, long size) {
        writeId(id);
        writeSize(size);
    }

    private void writeId(int id) {
        int length = (id & 0xFF000000) != 0 ? 4 : (id & 0xFF0000) != 0 ? 3 : (id & 0xFF00) != 0 ? 2 : 1;
        for (int i = length - 1; i >= 0; i--) out.write(id >>> (8 * i));
    }

    /** A size as an EBML variable-length integer: shortest form, or the 8-byte all-ones unknown size. */
    private void writeSize(long size) {
        if (size == UNKNOWN_SIZE) {
            out.write(0x01);
            for (int i = 0; i < 7; i++) out.write(0xFF);
            return;
        }
        if (size < 0 || size > MAX_SIZE) throw new IllegalArgumentException("EBML size out of range: " + size);
        int length = 1;
        while (length < 8 && size >= (1L << (7 * length)) - 1) length++;
        long marked = size | (1L << (7 * length));
        for (int i = length - 1; i >= 0; i--) out.write((int) (marked >>> (8 * i)));
    }
}
