package dev.streamkit.nodes.codecs.ogg;

import dev.streamkit.api.node.NodeException;
import java.util.Arrays;

/**
 * A push parser that turns bytes arriving in pieces of any size into verified {@link OggPage}s.
 *
 * <pre>
 *   bytes ─→ find "OggS" ─→ header (27 bytes) ─→ segment table ─→ body ─→ CRC ok? ─→ page to the sink
 *              ↑                                                           │ no
 *              └──────────── drop one byte, count a corrupt page ←─────────┘
 * </pre>
 *
 * Memory is one fixed buffer of {@value OggPage#MAX_PAGE_SIZE} bytes, the largest page the format can
 * describe: lengths declared in a page are only compared with what has arrived, never allocated. A
 * segment table that runs past the real end of its page makes the checksum fail, so the page is
 * dropped and the parser resynchronises on the next capture pattern. Input in which no valid page
 * starts within the first {@value #SYNC_WINDOW} bytes is not Ogg and fails fast. Not thread-safe.
 */
final class OggPageReader {

    /** Receives each verified page. */
    @FunctionalInterface
    interface PageSink {
        void onPage(OggPage page) throws NodeException;
    }

    static final int SYNC_WINDOW = 64 * 1024;
    private static final byte[] CAPTURE = {'O', 'g', 'g', 'S'};

    private final byte[] buffer = new byte[OggPage.MAX_PAGE_SIZE];
    private int fill;
    /** Bytes removed from the front of the buffer without forming a page, before the first valid page. */
    private long bytesBeforeSync;
    private boolean synced;
    private int corruptPages;
    private long skippedBytes;
    private long pageBytes;

    /** Parses the next {@code length} bytes of the stream, handing complete verified pages to {@code sink}. */
    void feed(byte[] data, int offset, int length, PageSink sink) throws NodeException {
        int end = offset + length;
        while (offset < end) {
            int n = Math.min(end - offset, buffer.length - fill);
            System.arraycopy(data, offset, buffer, fill, n);
            fill += n;
            offset += n;
            drain(sink);
        }
    }

    /**
     * Ends the input: an incomplete candidate page at the front cannot complete any more, so the rest of
     * the buffer is rescanned for pages it may hide (a page whose segment table promised more than the
     * stream held). Returns the bytes that formed no page: a truncated page or trailing garbage.
     */
    int end(PageSink sink) throws NodeException {
        int left = fill;
        long before = pageBytes;
        for (int guard = 0; guard <= buffer.length && fill > 0; guard++) {
            drain(sink);
            if (fill > 0) discard(1);
        }
        fill = 0;
        return (int) (left - (pageBytes - before));
    }

    /** Whether at least one page with a valid checksum was seen. */
    boolean synced() {
        return synced;
    }

    /** Candidate pages whose checksum did not match (dropped). */
    int corruptPages() {
        return corruptPages;
    }

    /** Bytes skipped while looking for a capture pattern (garbage and the first byte of each corrupt page). */
    long skippedBytes() {
        return skippedBytes;
    }

    /** Emits every complete page in the buffer. Each pass removes at least one byte or returns. */
    private void drain(PageSink sink) throws NodeException {
        while (fill > 0) {
            int start = captureIndex();
            if (start > 0) discard(start);
            if (fill < OggPage.HEADER_SIZE) return;
            if (buffer[4] != 0) {
                discard(1);
                continue;
            }
            int segments = buffer[26] & 0xFF;
            int headerLength = OggPage.HEADER_SIZE + segments;
            if (fill < headerLength) return;
            int bodyLength = 0;
            for (int i = 0; i < segments; i++) bodyLength += buffer[OggPage.HEADER_SIZE + i] & 0xFF;
            int total = headerLength + bodyLength;
            if (fill < total) return;
            if (OggCrc.ofPage(buffer, 0, total) != readLe32(OggPage.CRC_OFFSET)) {
                corruptPages++;
                discard(1);
                continue;
            }
            OggPage page = new OggPage(buffer[5] & 0xFF, readLe64(6), readLe32(14), readLe32(18) & 0xFFFFFFFFL,
                    Arrays.copyOfRange(buffer, OggPage.HEADER_SIZE, headerLength),
                    Arrays.copyOfRange(buffer, headerLength, total));
            synced = true;
            pageBytes += total;
            removeFront(total);
            sink.onPage(page);
        }
    }

    /** Where the next capture pattern (or a prefix of it at the very end) starts; {@code fill} if nowhere. */
    private int captureIndex() {
        for (int i = 0; i < fill; i++) {
            int n = Math.min(CAPTURE.length, fill - i);
            if (Arrays.equals(buffer, i, i + n, CAPTURE, 0, n)) return i;
        }
        return fill;
    }

    private void discard(int count) throws NodeException {
        skippedBytes += count;
        if (!synced) {
            bytesBeforeSync += count;
            if (bytesBeforeSync > SYNC_WINDOW) {
                throw NodeException.invalidMedia("not an Ogg stream: no valid page in the first " + SYNC_WINDOW + " bytes");
            }
        }
        removeFront(count);
    }

    private void removeFront(int count) {
        System.arraycopy(buffer, count, buffer, 0, fill - count);
        fill -= count;
    }

    private int readLe32(int at) {
        return (buffer[at] & 0xFF) | (buffer[at + 1] & 0xFF) << 8 | (buffer[at + 2] & 0xFF) << 16 | (buffer[at + 3] & 0xFF) << 24;
    }

    private long readLe64(int at) {
        return (readLe32(at) & 0xFFFFFFFFL) | (long) readLe32(at + 4) << 32;
    }
}
