package dev.streamkit.nodes.codecs.opus;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketMetadata;

/**
 * {@code audio::opus::encoder}: buffers 48 kHz raw audio into 20 ms frames and emits exactly one Opus packet
 * per frame, timed from the sample position ({@code timestamp_us} = first input timestamp, or 0, plus
 * 20 000 per packet; {@code duration_us} = 20 000). Mono or stereo is chosen from the first frame's channel
 * count; the encoder opens then. At end of input a short final frame is zero-padded, then the node finishes.
 *
 * <p>Invalid media: a sample rate other than 48 kHz, more than two channels, or a channel count that changes
 * mid-stream (resample or remix upstream).
 */
final class OpusEncoderNode implements Node {

    static final long FRAME_US = 20_000;

    private final OpusCodec codec;
    private final int bitrate;
    private OpusFrameEncoder encoder;
    private float[] pending;
    private int pendingFrames;
    private long packets;
    private long baseUs;
    private boolean failed;

    OpusEncoderNode(OpusCodec codec, int bitrate) {
        this.codec = codec;
        this.bitrate = bitrate;
    }

    @Override
    public Invocation invocation() {
        return Invocation.COMPUTE;
    }

    @Override
    public String contentType() {
        return "audio/opus";
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) throws NodeException {
        if (failed) return;
        if (!(packet instanceof AudioFrame frame)) {
            fail(out, NodeException.invalidMedia("pin '" + inputPin + "' expects raw audio, got " + packet.getClass().getSimpleName()));
            return;
        }
        if (frame.sampleRate() != OpusFrameEncoder.SAMPLE_RATE || frame.channels() > 2) {
            fail(out, NodeException.invalidMedia("Opus encoder needs 48 kHz mono or stereo, got " + frame.sampleRate()
                    + " Hz, " + frame.channels() + " channels"));
            return;
        }
        if (encoder == null) {
            encoder = codec.encoder(frame.channels(), bitrate);
            pending = new float[OpusFrameEncoder.FRAME_SAMPLES * frame.channels()];
            baseUs = frame.metadata().timestampUs() == null ? 0 : frame.metadata().timestampUs();
        } else if (frame.channels() != encoder.channels()) {
            fail(out, NodeException.invalidMedia("channel count changed from " + encoder.channels() + " to " + frame.channels()));
            return;
        }
        append(frame.samples(), out);
    }

    private void append(float[] samples, Outputs out) throws NodeException {
        int channels = encoder.channels();
        int frames = samples.length / channels;
        for (int read = 0; read < frames; ) {
            int n = Math.min(OpusFrameEncoder.FRAME_SAMPLES - pendingFrames, frames - read);
            System.arraycopy(samples, read * channels, pending, pendingFrames * channels, n * channels);
            pendingFrames += n;
            read += n;
            if (pendingFrames == OpusFrameEncoder.FRAME_SAMPLES) encodePending(out);
        }
    }

    private void encodePending(Outputs out) throws NodeException {
        for (byte[] data : encoder.encode(pending, packets * OpusFrameEncoder.FRAME_SAMPLES)) {
            out.send("out", new BinaryPacket(data, null, PacketMetadata.timed(baseUs + packets * FRAME_US, FRAME_US)));
            packets++;
        }
        pendingFrames = 0;
    }

    @Override
    public void onInputEnd(String inputPin, Outputs out) throws NodeException {
        if (failed) return;
        if (pendingFrames > 0) {
            java.util.Arrays.fill(pending, pendingFrames * encoder.channels(), pending.length, 0f);
            encodePending(out);
        }
        out.finish();
    }

    private void fail(Outputs out, NodeException error) {
        failed = true;
        out.fail(error);
    }

    @Override
    public void close() {
        if (encoder != null) encoder.close();
    }
}
