package dev.streamkit.nodes.codecs.wav;

import dev.streamkit.api.node.NodeException;
import java.nio.charset.StandardCharsets;

/**
 * A push parser for the RIFF/WAVE chunk structure. Bytes arrive in pieces of any size (even one byte);
 * the parser hands out the payload of the {@code data} chunk as it goes and never buffers more than a
 * chunk header or a {@code fmt } chunk (at most {@value #MAX_FMT_BYTES} bytes).
 *
 * <pre>
 *   RIFF header ─→ chunk header ─┬─ "fmt " ─→ fmt body (buffered, parsed) ─→ chunk header ...
 *                                ├─ "data" ─→ data (streamed to the sink) ─→ trailer (ignored)
 *                                └─ other  ─→ skipped by counting bytes (LIST, fact, JUNK, ...)
 * </pre>
 *
 * A {@code data} size of 0 or 0xFFFFFFFF means "until the end of input" (streaming writers). Malformed
 * input is reported as soon as it is recognisable, with an invalid-media {@link NodeException}. Sizes
 * declared in the file are only counted down, never allocated, except a {@code fmt } size within the cap.
 * Not thread-safe (owned by one node).
 */
final class WavStreamReader {

    /** Receives the bytes of the {@code data} chunk. */
    @FunctionalInterface
    interface DataSink {
        void onData(WavFormat format, byte[] bytes, int offset, int length) throws NodeException;
    }

    static final int MAX_FMT_BYTES = 64 * 1024;
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WAVE = "WAVE".getBytes(StandardCharsets.US_ASCII);
    private static final long STREAMING = -1;

    private enum State { RIFF_HEADER, CHUNK_HEADER, FMT_BODY, SKIP, DATA, TRAILER }

    private State state = State.RIFF_HEADER;
    private final byte[] header = new byte[12];
    private int headerFill;
    private byte[] fmtBody;
    private int fmtFill;
    private int fmtPad;
    /** Bytes left in the chunk being skipped or streamed; {@link #STREAMING} for an open-ended data chunk. */
    private long remaining;
    private WavFormat format;
    private long bytesSeen;

    /** Parses the next {@code length} bytes of the file. */
    void feed(byte[] bytes, int offset, int length, DataSink sink) throws NodeException {
        bytesSeen += length;
        int end = offset + length;
        while (offset < end) {
            int available = end - offset;
            switch (state) {
                case RIFF_HEADER -> offset += readRiffHeader(bytes, offset, available);
                case CHUNK_HEADER -> offset += readChunkHeader(bytes, offset, available);
                case FMT_BODY -> offset += readFmtBody(bytes, offset, available);
                case SKIP -> {
                    int n = (int) Math.min(remaining, available);
                    offset += n;
                    remaining -= n;
                    if (remaining == 0) state = State.CHUNK_HEADER;
                }
                case DATA -> {
                    int n = remaining == STREAMING ? available : (int) Math.min(remaining, available);
                    sink.onData(format, bytes, offset, n);
                    offset += n;
                    if (remaining != STREAMING && (remaining -= n) == 0) state = State.TRAILER;
                }
                case TRAILER -> offset = end;
            }
        }
    }

    /**
     * The input ended. Succeeds once the {@code data} chunk was reached (the data may be cut short: the
     * caller keeps what it got); otherwise fails as empty or truncated input.
     */
    void end() throws NodeException {
        if (bytesSeen == 0) throw NodeException.invalidMedia("invalid WAV: empty input");
        if (state != State.DATA && state != State.TRAILER) {
            throw NodeException.invalidMedia("invalid WAV: truncated WAV header (input ended after " + bytesSeen
                    + " bytes, before the data chunk)");
        }
    }

    private int readRiffHeader(byte[] bytes, int offset, int available) throws NodeException {
        int n = fillHeader(bytes, offset, available, 12);
        for (int i = headerFill - n; i < headerFill; i++) {
            if (i < 4 && header[i] != RIFF[i]) throw NodeException.invalidMedia("invalid WAV: not a RIFF file");
            if (i >= 8 && header[i] != WAVE[i - 8]) throw NodeException.invalidMedia("invalid WAV: RIFF file is not WAVE");
        }
        if (headerFill == 12) skip(0);
        return n;
    }

    private int readChunkHeader(byte[] bytes, int offset, int available) throws NodeException {
        int n = fillHeader(bytes, offset, available, 8);
        if (headerFill < 8) return n;
        headerFill = 0;
        String id = new String(header, 0, 4, StandardCharsets.US_ASCII);
        long size = WavFormat.u32(header, 4);
        switch (id) {
            case "fmt " -> {
                if (size < 16 || size > MAX_FMT_BYTES) {
                    throw NodeException.invalidMedia("invalid WAV: fmt chunk of " + size + " bytes (16.."
                            + MAX_FMT_BYTES + ")");
                }
                fmtBody = new byte[(int) size];
                fmtFill = 0;
                fmtPad = (int) (size & 1);
                state = State.FMT_BODY;
            }
            case "data" -> {
                if (format == null) throw NodeException.invalidMedia("invalid WAV: fmt chunk missing before data");
                remaining = size == 0 || size == WavHeader.UNKNOWN_LENGTH ? STREAMING : size;
                state = State.DATA;
            }
            default -> skip(size + (size & 1));
        }
        return n;
    }

    private int readFmtBody(byte[] bytes, int offset, int available) throws NodeException {
        int n = Math.min(fmtBody.length - fmtFill, available);
        System.arraycopy(bytes, offset, fmtBody, fmtFill, n);
        fmtFill += n;
        if (fmtFill == fmtBody.length) finishFmt();
        return n;
    }

    private void finishFmt() throws NodeException {
        format = WavFormat.parse(fmtBody);
        fmtBody = null;
        skip(fmtPad);
    }

    /** Skips {@code bytes} bytes, then expects a chunk header. */
    private void skip(long bytes) {
        headerFill = 0;
        remaining = bytes;
        state = bytes == 0 ? State.CHUNK_HEADER : State.SKIP;
    }

    /** Copies up to {@code target - headerFill} bytes into the header buffer; returns how many. */
    private int fillHeader(byte[] bytes, int offset, int available, int target) {
        int n = Math.min(target - headerFill, available);
        System.arraycopy(bytes, offset, header, headerFill, n);
        headerFill += n;
        return n;
    }
}
