package dev.streamkit.nodes.codecs.ogg;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.nodes.codecs.opusformat.OpusHead;
import dev.streamkit.nodes.codecs.opusformat.OpusPacketGate;
import java.io.ByteArrayOutputStream;

/**
 * {@code containers::ogg::muxer}: writes Opus packets as an Ogg Opus stream (RFC 7845).
 *
 * <pre>
 *   page 0 (BOS): OpusHead (version 1, channels, pre-skip 312, 48000 Hz, gain 0, family 0)
 *   page 1:       OpusTags (vendor "StreamKit/J")
 *   page 2..:     audio, a page closed once it holds {@value #PACKETS_PER_PAGE} packets or 1 s of audio
 *   last page:    EOS
 * </pre>
 *
 * Granules count decoded samples at 48 kHz (the pre-skip included, as RFC 7845 defines them), each
 * packet's length read from its TOC byte. Packets with an invalid TOC are skipped and counted. Page
 * bytes are sent as one binary packet ({@value #CONTENT_TYPE}) whenever {@code chunk_size} bytes
 * have accumulated, and the rest at end of input. Headers are written with the first packet, so an
 * input without packets still yields a valid, empty file.
 */
final class OggMuxerNode implements Node {

    static final String CONTENT_TYPE = "audio/ogg";
    static final int PACKETS_PER_PAGE = 50;
    private static final int SAMPLES_PER_PAGE = 48_000;

    private final OggPageWriter pages;
    private final OpusHead head;
    private final int chunkSize;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean headersWritten;
    private long granule;
    private long pageSamples;
    private final OpusPacketGate gate = new OpusPacketGate();

    OggMuxerNode(int serial, int channels, int chunkSize) {
        this.pages = new OggPageWriter(serial, pending::writeBytes);
        this.head = OpusHead.forChannels(channels, 48_000);
        this.chunkSize = chunkSize;
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) {
        int samples = gate.admit(inputPin, packet, out);
        if (samples == OpusPacketGate.REJECTED) return;
        BinaryPacket binary = (BinaryPacket) packet;
        if (!headersWritten) writeHeaders(false);
        if (pages.pendingPackets() >= PACKETS_PER_PAGE || pageSamples >= SAMPLES_PER_PAGE) {
            pages.flush(false);
            pageSamples = 0;
        }
        granule += samples;
        pageSamples += samples;
        pages.write(binary.data(), granule);
        if (pending.size() >= chunkSize) send(out);
    }

    @Override
    public void onInputEnd(String inputPin, Outputs out) {
        if (gate.failed()) return;
        if (headersWritten) pages.flush(true);
        else writeHeaders(true);
        send(out);
        out.finish();
    }

    /** Packets skipped for an invalid TOC. */
    int invalidPackets() {
        return gate.invalidPackets();
    }

    private void writeHeaders(boolean endOfStream) {
        headersWritten = true;
        pages.write(head.toBytes(), 0);
        pages.flush(false);
        pages.write(OpusTags.withVendor(OpusTags.VENDOR), 0);
        pages.flush(endOfStream);
    }

    private void send(Outputs out) {
        if (pending.size() == 0) return;
        out.send("out", new BinaryPacket(pending.toByteArray(), CONTENT_TYPE, PacketMetadata.NONE));
        pending.reset();
    }
}
