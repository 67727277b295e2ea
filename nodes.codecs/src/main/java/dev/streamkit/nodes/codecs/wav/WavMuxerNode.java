package dev.streamkit.nodes.codecs.wav;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketMetadata;

/**
 * {@code containers::wav::muxer}: writes raw audio as a streamed WAV file. The header goes out with the
 * first frame, in that frame's rate and channel count, with RIFF and data sizes of 0xFFFFFFFF (length
 * unknown); each frame then becomes one binary packet of samples keeping the frame's metadata.
 *
 * <p>A change of rate or channel count mid-stream fails the node with invalid media (a WAV file has one
 * format). A stream without audio still produces a valid, empty file: a 48 kHz mono header with a data
 * size of 0.
 */
final class WavMuxerNode implements Node {

    static final String BITS_PER_SAMPLE = "bits_per_sample";
    static final String CONTENT_TYPE = "audio/wav";

    private final PcmEncoding encoding;
    private WavFormat format;
    private boolean failed;

    /** @param encoding {@link PcmEncoding#INT16} or {@link PcmEncoding#FLOAT32} */
    WavMuxerNode(PcmEncoding encoding) {
        this.encoding = encoding;
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) {
        if (failed) return;
        if (!(packet instanceof AudioFrame frame)) {
            fail(out, "pin '" + inputPin + "' expects raw audio, got " + packet.getClass().getSimpleName());
            return;
        }
        if (format == null) {
            format = new WavFormat(encoding, frame.sampleRate(), frame.channels());
            out.send("out", bytes(WavHeader.of(format, WavHeader.UNKNOWN_LENGTH), PacketMetadata.NONE));
        } else if (frame.sampleRate() != format.sampleRate() || frame.channels() != format.channels()) {
            fail(out, "WAV format changed mid-stream from " + format.sampleRate() + " Hz " + format.channels()
                    + " ch to " + frame.sampleRate() + " Hz " + frame.channels() + " ch");
            return;
        }
        float[] samples = frame.samples();
        int width = encoding.bytesPerSample();
        byte[] data = new byte[samples.length * width];
        for (int i = 0; i < samples.length; i++) encoding.encode(samples[i], data, i * width);
        out.send("out", bytes(data, frame.metadata()));
    }

    @Override
    public void onInputEnd(String inputPin, Outputs out) {
        if (failed) return;
        if (format == null) out.send("out", bytes(WavHeader.of(new WavFormat(encoding, 48_000, 1), 0), PacketMetadata.NONE));
        out.finish();
    }

    private void fail(Outputs out, String message) {
        failed = true;
        out.fail(NodeException.invalidMedia(message));
    }

    private static BinaryPacket bytes(byte[] data, PacketMetadata metadata) {
        return new BinaryPacket(data, CONTENT_TYPE, metadata);
    }
}
