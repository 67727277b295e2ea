package dev.streamkit.nodes.codecs.webm;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.nodes.codecs.opusformat.OpusHead;
import dev.streamkit.nodes.codecs.opusformat.OpusPacketGate;
import dev.streamkit.nodes.codecs.opusformat.OpusToc;
import java.io.ByteArrayOutputStream;

/**
 * {@code containers::webm::muxer}: writes Opus packets as a WebM stream playable through MSE: the
 * {@link WebmHeader} initialisation segment, then {@link WebmClusterWriter} clusters of SimpleBlocks
 * (keyframe flag set, as every Opus packet is independently decodable after pre-roll).
 *
 * <p>Block timestamps are the decoded-sample position at 48 kHz (sum of the TOC durations of the
 * packets so far, so the first block is at 0 and CodecDelay accounts for pre-skip). When a packet's
 * {@code timestamp_us} lies at least one packet beyond that position (upstream gap, DTX), the position
 * jumps forward to it; earlier or equal metadata timestamps are ignored so blocks stay monotonic.
 * Packets with an invalid TOC are skipped and counted. Bytes are sent once {@code chunk_size} have
 * accumulated and at end of input.
 */
final class WebmMuxerNode implements Node {

    static final String CONTENT_TYPE = "audio/webm; codecs=\"opus\"";

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final WebmClusterWriter clusters;
    private final byte[] initSegment;
    private final int chunkSize;
    private boolean started;
    private long positionUs;
    private final OpusPacketGate gate = new OpusPacketGate();

    WebmMuxerNode(int sampleRate, int channels, int chunkSize, boolean live) {
        this.initSegment = WebmHeader.initSegment(OpusHead.forChannels(channels, sampleRate), sampleRate);
        this.chunkSize = chunkSize;
        this.clusters = new WebmClusterWriter(live, pending::writeBytes);
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) {
        int packetSamples = gate.admit(inputPin, packet, out);
        if (packetSamples == OpusPacketGate.REJECTED) return;
        BinaryPacket binary = (BinaryPacket) packet;
        start();
        long durationUs = OpusToc.samplesToMicros(packetSamples);
        Long metadataUs = binary.metadata().timestampUs();
        if (metadataUs != null && metadataUs - positionUs >= durationUs) positionUs = metadataUs;
        clusters.write(positionUs / 1_000, binary.data());
        positionUs += durationUs;
        if (pending.size() >= chunkSize) send(out);
    }

    @Override
    public void onInputEnd(String inputPin, Outputs out) {
        if (gate.failed()) return;
        start();
        clusters.close();
        send(out);
        out.finish();
    }

    /** Packets skipped for an invalid TOC. */
    int invalidPackets() {
        return gate.invalidPackets();
    }

    private void start() {
        if (started) return;
        started = true;
        pending.writeBytes(initSegment);
    }

    private void send(Outputs out) {
        if (pending.size() == 0) return;
        out.send("out", new BinaryPacket(pending.toByteArray(), CONTENT_TYPE, PacketMetadata.NONE));
        pending.reset();
    }
}
