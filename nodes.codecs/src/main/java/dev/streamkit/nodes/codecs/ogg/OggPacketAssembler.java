package dev.streamkit.nodes.codecs.ogg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rebuilds the packets of one logical stream from its pages' lacing (RFC 3533 §6): a run of 255-byte
 * segments ended by a shorter one is one packet; a run still open at the end of a page continues on
 * the next page, which carries the continued flag.
 *
 * <p>Packets whose start was lost (a dropped page, a continued page with nothing open) and packets
 * larger than {@value #MAX_PACKET_BYTES} bytes are skipped and counted. The partial-packet buffer
 * grows with the bytes actually received, up to that cap. Not thread-safe.
 */
final class OggPacketAssembler {

    /** Far above the largest Opus packet (120 ms of 1275-byte frames is about 61 KB). */
    static final int MAX_PACKET_BYTES = 256 * 1024;

    private byte[] partial = new byte[1024];
    private int partialLength;
    private boolean open;
    private boolean skipping;
    private int droppedPackets;

    /**
     * The packets completed on {@code page}, in order.
     *
     * @param gap whether pages of this stream were lost just before {@code page}
     */
    List<byte[]> accept(OggPage page, boolean gap) {
        if (open && (gap || !page.isContinued())) {
            if (!skipping) droppedPackets++;
            reset();
            if (page.isContinued()) startSkipping();
        } else if (page.isContinued() && !open) {
            droppedPackets++;
            startSkipping();
        }
        List<byte[]> packets = new ArrayList<>();
        byte[] lacing = page.lacing();
        byte[] body = page.body();
        int position = 0;
        for (byte value : lacing) {
            int segment = value & 0xFF;
            open = true;
            if (!skipping) append(body, position, segment);
            position += segment;
            if (segment < 255) {
                if (!skipping) packets.add(Arrays.copyOf(partial, partialLength));
                reset();
            }
        }
        return packets;
    }

    /** Packets lost: started on a missing page, cut off by one, or oversized. */
    int droppedPackets() {
        return droppedPackets;
    }

    private void append(byte[] body, int offset, int length) {
        if (partialLength + length > MAX_PACKET_BYTES) {
            droppedPackets++;
            skipping = true;
            partialLength = 0;
            return;
        }
        if (partialLength + length > partial.length) {
            partial = Arrays.copyOf(partial, Math.min(MAX_PACKET_BYTES, Math.max(partial.length * 2, partialLength + length)));
        }
        System.arraycopy(body, offset, partial, partialLength, length);
        partialLength += length;
    }

    /** The page starts with the tail of a packet whose head is lost: skip up to its end. */
    private void startSkipping() {
        open = true;
        skipping = true;
    }

    private void reset() {
        open = false;
        skipping = false;
        partialLength = 0;
    }
}
