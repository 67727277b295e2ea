package dev.streamkit.nodes.codecs.opus;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.nodes.codecs.ffmpeg.AudioDecoder;
import java.util.Arrays;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * The {@link OpusFrameDecoder} of {@link FfmpegOpusCodec}: FFmpeg's {@code libopus} decoder (its native
 * {@code opus} decoder if libopus is missing), asked for 48 kHz mono f32.
 */
final class FfmpegOpusDecoder implements OpusFrameDecoder {

    private static final float[] NONE = new float[0];

    private final AudioDecoder decoder;
    private float[] decoded;

    FfmpegOpusDecoder() throws NodeException {
        decoder = AudioDecoder.open(new String[] {"libopus", "opus"}, context -> {
            context.sample_rate(OpusFrameEncoder.SAMPLE_RATE);
            avutil.av_channel_layout_default(context.ch_layout(), 1);
            context.request_sample_fmt(avutil.AV_SAMPLE_FMT_FLT);
        });
    }

    @Override
    public float[] decode(byte[] packet) throws NodeException {
        decoded = NONE;
        return decoder.decode(packet, 0, packet.length, this::collect) ? decoded : null;
    }

    private void collect(float[] samples, int rate, int channels) {
        float[] mono = channels == 1 ? samples : downmix(samples, channels);
        if (decoded.length == 0) {
            decoded = mono;
        } else {
            float[] joined = Arrays.copyOf(decoded, decoded.length + mono.length);
            System.arraycopy(mono, 0, joined, decoded.length, mono.length);
            decoded = joined;
        }
    }

    /** Only reached if a decoder ignored the requested mono layout. */
    private static float[] downmix(float[] samples, int channels) {
        float[] mono = new float[samples.length / channels];
        for (int i = 0; i < mono.length; i++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) sum += samples[i * channels + c];
            mono[i] = sum / channels;
        }
        return mono;
    }

    @Override
    public void close() {
        decoder.close();
    }
}
