package dev.streamkit.nodes.codecs.mp3;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.nodes.codecs.ffmpeg.StreamPrelude;

/**
 * Drops ID3v2 tags (up to {@value #MAX_TAGS} in a row) from the start of an MP3 stream as it streams in,
 * then passes everything else on. A tag's size is the 28-bit syncsafe integer of its 10-byte header, plus 10
 * when a footer is flagged; the tag body is skipped, never buffered. Bytes that merely look like the start
 * of a tag but are not one are passed on as audio.
 */
final class Id3v2Skipper implements StreamPrelude {

    private static final int HEADER = 10;
    private static final int FOOTER_FLAG = 0x10;
    private static final int MAX_TAGS = 8;

    private final byte[] header = new byte[HEADER];
    private int headerLength;
    private long skipRemaining;
    private int tags;
    private boolean audio;

    @Override
    public void feed(byte[] data, int offset, int length, PayloadSink sink) throws NodeException {
        int at = offset;
        int end = offset + length;
        while (at < end && !audio) {
            if (skipRemaining > 0) {
                int n = (int) Math.min(skipRemaining, end - at);
                at += n;
                skipRemaining -= n;
                continue;
            }
            int n = Math.min(HEADER - headerLength, end - at);
            System.arraycopy(data, at, header, headerLength, n);
            headerLength += n;
            at += n;
            if (headerLength == HEADER) inspectHeader(sink);
        }
        if (audio && at < end) sink.accept(data, at, end - at);
    }

    private void inspectHeader(PayloadSink sink) throws NodeException {
        headerLength = 0;
        long size = tagSize();
        if (size < 0 || tags >= MAX_TAGS) {
            audio = true;
            sink.accept(header, 0, HEADER);
            return;
        }
        tags++;
        skipRemaining = size;
    }

    /** The number of bytes after the 10-byte header, or -1 when {@link #header} is not an ID3v2 header. */
    private long tagSize() {
        if (header[0] != 'I' || header[1] != 'D' || header[2] != '3') return -1;
        if (header[3] == (byte) 0xFF || header[4] == (byte) 0xFF) return -1;
        long size = 0;
        for (int i = 6; i < HEADER; i++) {
            if ((header[i] & 0x80) != 0) return -1;
            size = (size << 7) | header[i];
        }
        return size + ((header[5] & FOOTER_FLAG) != 0 ? HEADER : 0);
    }

    @Override
    public void end(PayloadSink sink) throws NodeException {
        if (!audio && headerLength > 0) sink.accept(header, 0, headerLength);
        headerLength = 0;
    }
}
