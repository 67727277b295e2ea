package dev.streamkit.quic.kwik;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The few WebTransport-over-HTTP/3 wire facts this implementation writes itself (draft-ietf-webtrans-http3, as
 * Chromium speaks it with the draft-02 setting): stream signals, capsule and setting ids, error codes, and QUIC
 * variable-length integers on blocking streams.
 */
final class WireFormat {

    /** HTTP/3 unidirectional stream type of a WebTransport stream. */
    static final long UNI_STREAM_TYPE = 0x54;
    /** Signal value opening a WebTransport bidirectional stream. */
    static final long BIDI_SIGNAL = 0x41;
    /** CLOSE_WEBTRANSPORT_SESSION capsule. */
    static final long CLOSE_CAPSULE = 0x2843;
    /** SETTINGS_H3_DATAGRAM (RFC 9297). */
    static final long SETTINGS_H3_DATAGRAM = 0x33;
    /** SETTINGS_ENABLE_WEBTRANSPORT of draft-02, which Chromium still requires. */
    static final long SETTINGS_ENABLE_WEBTRANSPORT_DRAFT02 = 0x2b603742L;
    /** SETTINGS_WT_MAX_SESSIONS of the later drafts. */
    static final long SETTINGS_WT_MAX_SESSIONS = 0x14e9cd29L;
    /** WEBTRANSPORT_SESSION_GONE: a stream of a session that no longer exists. */
    static final long SESSION_GONE = 0x170d7b68L;
    /** H3_NO_ERROR, closing a connection whose sessions ended. */
    static final long H3_NO_ERROR = 0x100;
    /** H3_REQUEST_REJECTED, used for streams this side refuses to take. */
    static final long REQUEST_REJECTED = 0x010b;
    /** Largest capsule this side reads (a close capsule holds at most 4 + 1024 bytes). */
    static final int MAX_CAPSULE = 16 * 1024;
    /** Largest reason this side sends, in bytes. */
    static final int MAX_REASON_BYTES = 1024;

    private WireFormat() {
    }

    /** Reads one variable-length integer; EOF before it is an {@link EOFException}. */
    static long readVarint(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) throw new EOFException("stream ended");
        int length = 1 << (first >> 6);
        long value = first & 0x3F;
        for (int i = 1; i < length; i++) {
            int next = in.read();
            if (next < 0) throw new EOFException("stream ended inside a variable-length integer");
            value = (value << 8) | next;
        }
        return value;
    }

    /** The encoding of {@code value} as a variable-length integer. */
    static byte[] varint(long value) {
        if (value < 0 || value >= (1L << 62)) throw new IllegalArgumentException("varint out of range: " + value);
        int length = value < 64 ? 1 : value < 16_384 ? 2 : value < (1L << 30) ? 4 : 8;
        byte[] out = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        out[0] |= (byte) ((Integer.numberOfTrailingZeros(length)) << 6);
        return out;
    }

    static void writeVarint(OutputStream out, long value) throws IOException {
        out.write(varint(value));
    }

    /** Reads exactly {@code length} bytes. */
    static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) throw new EOFException("stream ended inside a capsule");
        return bytes;
    }
}
