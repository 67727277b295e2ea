package dev.streamkit.quic.kwik;

import dev.streamkit.quic.SessionClose;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The capsules of a WebTransport CONNECT stream: writes CLOSE_WEBTRANSPORT_SESSION and reads the peer's capsules
 * until its close (or the stream's end, which counts as a close with code 0), skipping capsule types it does not
 * know and refusing oversized ones.
 */
final class SessionCapsules {

    private SessionCapsules() {
    }

    /** A CLOSE_WEBTRANSPORT_SESSION capsule; {@code reason} is cut to 1024 bytes on a character boundary. */
    static byte[] close(long errorCode, String reason) {
        byte[] text = truncate(reason == null ? "" : reason);
        ByteBuffer body = ByteBuffer.allocate(4 + text.length);
        body.putInt((int) (errorCode & 0xFFFF_FFFFL)).put(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(WireFormat.varint(WireFormat.CLOSE_CAPSULE));
        out.writeBytes(WireFormat.varint(body.capacity()));
        out.writeBytes(body.array());
        return out.toByteArray();
    }

    /**
     * Reads capsules until the peer closes the session: its code and reason, or code 0 and "" when the stream
     * ended cleanly without a capsule. Throws when the stream failed or broke the format.
     */
    static SessionClose awaitClose(InputStream in) throws IOException {
        while (true) {
            long type;
            try {
                type = WireFormat.readVarint(in);
            } catch (EOFException cleanEnd) {
                return new SessionClose(0, "", true);
            }
            long length = WireFormat.readVarint(in);
            if (length > WireFormat.MAX_CAPSULE) throw new IOException("capsule of " + length + " bytes");
            byte[] body = WireFormat.readExactly(in, (int) length);
            if (type == WireFormat.CLOSE_CAPSULE) {
                if (body.length < 4) throw new IOException("short close capsule");
                long code = ByteBuffer.wrap(body).getInt() & 0xFFFF_FFFFL;
                String reason = new String(body, 4, body.length - 4, StandardCharsets.UTF_8);
                return new SessionClose(code, reason, true);
            }
            // other capsules (DRAIN, datagrams, ...) are not used here: skipped
        }
    }

    private static byte[] truncate(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= WireFormat.MAX_REASON_BYTES) return bytes;
        int end = WireFormat.MAX_REASON_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) end--; // do not split a UTF-8 sequence
        byte[] cut = new byte[end];
        System.arraycopy(bytes, 0, cut, 0, end);
        return cut;
    }
}
