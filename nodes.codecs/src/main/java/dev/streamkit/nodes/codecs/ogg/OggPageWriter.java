package dev.streamkit.nodes.codecs.ogg;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Lays packets of one logical stream out into Ogg pages with correct lacing, sequence numbers and
 * checksums. A packet that does not fit the current page's 255 segments continues on the next page
 * (continued flag). The first page carries BOS; {@link #flush(boolean)} with {@code eos} closes the
 * stream. A page's granule is the one given with the last packet completed on it, or -1 when none is.
 * Not thread-safe.
 */
final class OggPageWriter {

    private final int serial;
    private final Consumer<byte[]> sink;
    private final byte[] lacing = new byte[OggPage.MAX_SEGMENTS];
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int segments;
    private int packets;
    private long granule = -1;
    private boolean continued;
    private boolean midPacket;
    private long sequence;

    /** @param sink receives each finished page's bytes */
    OggPageWriter(int serial, Consumer<byte[]> sink) {
        this.serial = serial;
        this.sink = sink;
    }

    /** Adds a packet to the pending page, emitting full pages as needed. */
    void write(byte[] packet, long granuleAfter) {
        int offset = 0;
        midPacket = true;
        for (int guard = 0; guard <= packet.length / 255 + OggPage.MAX_SEGMENTS; guard++) {
            if (segments == OggPage.MAX_SEGMENTS) emitPage(false);
            int segment = Math.min(255, packet.length - offset);
            lacing[segments++] = (byte) segment;
            body.write(packet, offset, segment);
            offset += segment;
            if (segment < 255) break;
        }
        midPacket = false;
        packets++;
        granule = granuleAfter;
    }

    /** Packets completed on the pending page. */
    int pendingPackets() {
        return packets;
    }

    /** Emits the pending page if it holds anything, or an empty page when {@code eos} must be marked. */
    void flush(boolean eos) {
        if (segments > 0 || eos) emitPage(eos);
    }

    private void emitPage(boolean eos) {
        int flags = (continued ? OggPage.CONTINUED : 0) | (sequence == 0 ? OggPage.BOS : 0) | (eos ? OggPage.EOS : 0);
        byte[] page = new byte[OggPage.HEADER_SIZE + segments + body.size()];
        ByteBuffer b = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'O', 'g', 'g', 'S', 0}).put((byte) flags).putLong(packets == 0 ? -1 : granule)
                .putInt(serial).putInt((int) sequence++).putInt(0).put((byte) segments).put(lacing, 0, segments)
                .put(body.toByteArray());
        b.putInt(OggPage.CRC_OFFSET, OggCrc.ofPage(page, 0, page.length));
        sink.accept(page);
        continued = midPacket;
        segments = 0;
        packets = 0;
        granule = -1;
        body.reset();
    }
}
