package dev.streamkit.nodes.codecs.opus;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.streamkit.api.node.NodeException;
import java.util.List;

/**
 * The {@link OpusFrameEncoder} of {@link SystemOpusCodec}: an {@code OpusEncoder} set up as FFmpeg's
 * libopus wrapper sets it up (bitrate, complexity 10, constrained VBR), with its input and output buffers
 * allocated once.
 */
final class SystemOpusEncoder implements OpusFrameEncoder {

    private static final int COMPLEXITY = 10;

    private final int channels;
    private final Memory pcm;
    private final Memory data = new Memory(LibOpus.MAX_PACKET_BYTES);
    private Pointer encoder;

    SystemOpusEncoder(int channels, int bitrate) throws NodeException {
        this.channels = channels;
        this.pcm = new Memory((long) FRAME_SAMPLES * channels * Float.BYTES);
        int[] error = new int[1];
        encoder = LibOpus.opus_encoder_create(SAMPLE_RATE, channels, LibOpus.OPUS_APPLICATION_AUDIO, error);
        try {
            if (encoder == null) throw SystemOpusCodec.failure("cannot open libopus", error[0]);
            ctl(LibOpus.OPUS_SET_BITRATE_REQUEST, bitrate);
            ctl(LibOpus.OPUS_SET_COMPLEXITY_REQUEST, COMPLEXITY);
            ctl(LibOpus.OPUS_SET_VBR_REQUEST, 1);
            ctl(LibOpus.OPUS_SET_VBR_CONSTRAINT_REQUEST, 1);
        } catch (NodeException e) {
            close();
            throw e;
        }
    }

    private void ctl(int request, int value) throws NodeException {
        SystemOpusCodec.check(LibOpus.CTL.opus_encoder_ctl(encoder, request, value), "libopus refused setting " + request);
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public List<byte[]> encode(float[] interleaved, long pts) throws NodeException {
        pcm.write(0, interleaved, 0, FRAME_SAMPLES * channels);
        int length = LibOpus.opus_encode_float(encoder, pcm, FRAME_SAMPLES, data, LibOpus.MAX_PACKET_BYTES);
        SystemOpusCodec.check(length, "libopus failed");
        return List.of(data.getByteArray(0, length));
    }

    @Override
    public void close() {
        if (encoder != null) LibOpus.opus_encoder_destroy(encoder);
        encoder = null;
        pcm.close(); // idempotent
        data.close();
    }
}
