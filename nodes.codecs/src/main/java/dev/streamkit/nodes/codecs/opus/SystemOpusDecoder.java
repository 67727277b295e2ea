package dev.streamkit.nodes.codecs.opus;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.streamkit.api.node.NodeException;

/**
 * The {@link OpusFrameDecoder} of {@link SystemOpusCodec}: a mono {@code OpusDecoder} (libopus downmixes a
 * stereo stream), with its buffers allocated once (the input one grows for an unusually large packet).
 */
final class SystemOpusDecoder implements OpusFrameDecoder {

    private final Memory pcm = new Memory((long) LibOpus.MAX_FRAME_SAMPLES * Float.BYTES);
    private Memory data = new Memory(LibOpus.MAX_PACKET_BYTES);
    private Pointer decoder;

    SystemOpusDecoder() throws NodeException {
        int[] error = new int[1];
        decoder = LibOpus.opus_decoder_create(OpusFrameEncoder.SAMPLE_RATE, 1, error);
        if (decoder == null) {
            close();
            throw SystemOpusCodec.failure("cannot open the libopus decoder", error[0]);
        }
    }

    @Override
    public float[] decode(byte[] packet) {
        if (packet.length == 0) return null;
        if (packet.length > data.size()) {
            data.close();
            data = new Memory(packet.length);
        }
        data.write(0, packet, 0, packet.length);
        int samples = LibOpus.opus_decode_float(decoder, data, packet.length, pcm, LibOpus.MAX_FRAME_SAMPLES, 0);
        return samples < 0 ? null : pcm.getFloatArray(0, samples);
    }

    @Override
    public void close() {
        if (decoder != null) LibOpus.opus_decoder_destroy(decoder);
        decoder = null;
        pcm.close(); // idempotent
        data.close();
    }
}
