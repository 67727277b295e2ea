package dev.streamkit.nodes.codecs.opus;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.nodes.codecs.opusformat.OpusHead;
import dev.streamkit.nodes.codecs.opusformat.OpusToc;
import java.nio.charset.StandardCharsets;

/**
 * {@code audio::opus::decoder}: decodes each Opus packet with libopus ({@link OpusCodecs#preferred()}) into
 * 48 kHz mono, as StreamKit does (a stereo stream is downmixed by the decoder). One frame out per packet,
 * with the packet's metadata; a missing duration is filled in from the decoded length.
 *
 * <p>Skipped, never fatal: {@code OpusHead}/{@code OpusTags} header packets, and packets that cannot be
 * Opus (empty, no frames, longer than 120 ms by their TOC) or that the decoder rejects. Invalid ones are
 * counted ({@link #invalidPackets()}) and reported as {@link NodeState#degraded}. Short packets are kept:
 * DTX and silence frames are 1-3 bytes.
 */
final class OpusDecoderNode implements Node {

    static final int SAMPLE_RATE = 48_000;
    private static final byte[] OPUS_TAGS = "OpusTags".getBytes(StandardCharsets.US_ASCII);

    private final OpusFrameDecoder decoder;
    private long invalidPackets;

    OpusDecoderNode(OpusCodec codec) throws NodeException {
        decoder = codec.decoder();
    }

    @Override
    public Invocation invocation() {
        return Invocation.COMPUTE;
    }

    /** Packets skipped as invalid so far. */
    long invalidPackets() {
        return invalidPackets;
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) throws NodeException {
        if (!(packet instanceof BinaryPacket binary)) {
            out.fail(NodeException.invalidMedia("pin '" + inputPin + "' expects Opus packets, got " + packet.getClass().getSimpleName()));
            return;
        }
        byte[] data = binary.data();
        if (OpusHead.isOpusHead(data) || OpusHead.startsWith(data, OPUS_TAGS)) return;
        float[] decoded = OpusToc.samples(data) == OpusToc.INVALID ? null : decoder.decode(data);
        if (decoded == null) {
            invalidPackets++;
            out.state(NodeState.degraded(invalidPackets + " invalid Opus packets skipped"));
            return;
        }
        if (decoded.length == 0) return;
        PacketMetadata meta = binary.metadata();
        if (meta.durationUs() == null) meta = new PacketMetadata(meta.timestampUs(), decoded.length * 1_000_000L / SAMPLE_RATE, meta.sequence());
        out.send("out", new AudioFrame(SAMPLE_RATE, 1, decoded, meta));
    }

    @Override
    public void close() {
        decoder.close();
    }
}
