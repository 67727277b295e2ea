package dev.streamkit.quic.kwik;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * The payload bytes of the HTTP/3 DATA frames on a stream, one after the other, skipping frames of other types
 * (reserved or unknown ones, trailers): on a WebTransport CONNECT stream the capsules travel inside DATA frames
 * (RFC 9297). A skipped frame larger than {@code maxSkipped} bytes is refused.
 */
final class DataFramePayloads extends InputStream {

    private static final long DATA = 0x00;

    private final PushbackInputStream frames;
    private final long maxSkipped;
    private long remaining;

    DataFramePayloads(InputStream frames, long maxSkipped) {
        this.frames = new PushbackInputStream(frames, 1);
        this.maxSkipped = maxSkipped;
    }

    @Override
    public int read() throws IOException {
        if (!nextPayloadByte()) return -1;
        int b = frames.read();
        if (b < 0) throw new IOException("stream ended inside a DATA frame");
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) return 0;
        if (!nextPayloadByte()) return -1;
        int n = frames.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) throw new IOException("stream ended inside a DATA frame");
        remaining -= n;
        return n;
    }

    /** Moves to the next DATA payload byte; false at the clean end of the stream. */
    private boolean nextPayloadByte() throws IOException {
        while (remaining == 0) {
            int first = frames.read();
            if (first < 0) return false;
            frames.unread(first);
            long type = WireFormat.readVarint(frames);
            long length = WireFormat.readVarint(frames);
            if (type == DATA) {
                remaining = length;
            } else {
                if (length > maxSkipped) throw new IOException("HTTP/3 frame of " + length + " bytes on a CONNECT stream");
                WireFormat.readExactly(frames, (int) length);
            }
        }
        return true;
    }
}
