package dev.streamkit.itests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Raw cleartext HTTP/2 frames for tests that misbehave on purpose (RFC 9113 framing, HPACK without Huffman). */
final class H2Frames {

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DATA = 0x0;
    private static final int HEADERS = 0x1;
    private static final int SETTINGS = 0x4;
    private static final int PING = 0x6;
    private static final int CONTINUATION = 0x9;
    private static final int END_HEADERS = 0x4;

    private H2Frames() {
    }

    /** The client preface and an empty SETTINGS frame, followed by {@code then}. */
    static byte[] preface(byte[] then) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PREFACE);
        out.writeBytes(frame(SETTINGS, 0, 0, new byte[0]));
        out.writeBytes(then);
        return out.toByteArray();
    }

    /** A HEADERS frame on {@code stream} carrying {@code block}, with or without END_HEADERS (never END_STREAM). */
    static byte[] headers(int stream, boolean endHeaders, byte[] block) {
        return frame(HEADERS, endHeaders ? END_HEADERS : 0, stream, block);
    }

    /** One more byte of an unfinished header block (":method: GET" again), without END_HEADERS. */
    static byte[] continuation(int stream) {
        return frame(CONTINUATION, 0, stream, new byte[] {(byte) 0x82});
    }

    /** A one-byte DATA frame on {@code stream}. */
    static byte[] data(int stream) {
        return frame(DATA, 0, stream, new byte[] {' '});
    }

    /** A PING frame. */
    static byte[] ping() {
        return frame(PING, 0, 0, new byte[8]);
    }

    /** The header block of {@code GET /healthz}. */
    static byte[] getHealthz() {
        return block(0x82, "/healthz");
    }

    /** The header block of {@code POST /api/v1/sessions} announcing a 100 000-byte JSON body. */
    static byte[] postSessions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(block(0x83, "/api/v1/sessions"));
        out.writeBytes(literal(31, "application/json")); // content-type
        out.writeBytes(literal(28, "100000")); // content-length
        return out.toByteArray();
    }

    /** {@code method} (an indexed static-table entry), scheme http, {@code path}, authority 127.0.0.1. */
    private static byte[] block(int method, String path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(method);
        out.write(0x86); // :scheme http
        out.writeBytes(literal(4, path)); // :path
        out.writeBytes(literal(1, "127.0.0.1")); // :authority
        return out.toByteArray();
    }

    /** A literal header field without indexing whose name is static-table entry {@code nameIndex} (< 15). */
    private static byte[] literal(int nameIndex, String value) {
        byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (nameIndex < 15) {
            out.write(nameIndex);
        } else {
            out.write(0x0F);
            out.write(nameIndex - 15);
        }
        out.write(text.length);
        out.writeBytes(text);
        return out.toByteArray();
    }

    private static byte[] frame(int type, int flags, int stream, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(payload.length >>> 16);
        out.write(payload.length >>> 8);
        out.write(payload.length);
        out.write(type);
        out.write(flags);
        out.write(stream >>> 24);
        out.write(stream >>> 16);
        out.write(stream >>> 8);
        out.write(stream);
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
