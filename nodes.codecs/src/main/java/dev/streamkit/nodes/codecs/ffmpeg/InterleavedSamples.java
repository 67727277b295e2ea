package dev.streamkit.nodes.codecs.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_DBL;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S64;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_U8;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * Converts a decoded {@link AVFrame} of any FFmpeg sample format (u8, s16, s32, s64, flt, dbl; packed or
 * planar) into interleaved f32 in [-1, 1]. The format is dispatched once per plane, not per sample.
 * Integer formats are left-justified by FFmpeg (a 24-bit FLAC decodes to s32), so full-scale division is right.
 */
public final class InterleavedSamples {

    /** More channels than any audio format this module decodes; guards against corrupt frames. */
    public static final int MAX_CHANNELS = 64;

    private InterleavedSamples() {
    }

    /**
     * The frame's samples interleaved, or {@code null} when the frame is not plausible audio (no channels,
     * too many, unknown format).
     */
    public static float[] of(AVFrame frame) {
        int channels = frame.ch_layout().nb_channels();
        int frames = frame.nb_samples();
        int format = frame.format();
        if (channels <= 0 || channels > MAX_CHANNELS || frames < 0 || format < 0) return null;
        boolean planar = avutil.av_sample_fmt_is_planar(format) != 0;
        int packed = avutil.av_get_packed_sample_fmt(format);
        int bytesPerSample = avutil.av_get_bytes_per_sample(packed);
        if (bytesPerSample <= 0) return null;
        float[] out = new float[frames * channels];
        if (planar) {
            for (int c = 0; c < channels; c++) {
                if (!copy(plane(frame, c, (long) frames * bytesPerSample), packed, out, c, channels, frames)) return null;
            }
        } else if (!copy(plane(frame, 0, (long) frames * channels * bytesPerSample), packed, out, 0, 1, frames * channels)) {
            return null;
        }
        return out;
    }

    private static ByteBuffer plane(AVFrame frame, int index, long bytes) {
        BytePointer data = frame.extended_data(index);
        data.capacity(bytes);
        return data.asByteBuffer().order(ByteOrder.nativeOrder());
    }

    /** Copies {@code count} samples of {@code format} to {@code out[start + i * stride]}; false if unknown. */
    private static boolean copy(ByteBuffer src, int format, float[] out, int start, int stride, int count) {
        if (format == AV_SAMPLE_FMT_FLT) {
            var f = src.asFloatBuffer();
            for (int i = 0; i < count; i++) out[start + i * stride] = f.get(i);
        } else if (format == AV_SAMPLE_FMT_S16) {
            var s = src.asShortBuffer();
            for (int i = 0; i < count; i++) out[start + i * stride] = s.get(i) / 32_768f;
        } else if (format == AV_SAMPLE_FMT_S32) {
            var s = src.asIntBuffer();
            for (int i = 0; i < count; i++) out[start + i * stride] = (float) (s.get(i) / 2_147_483_648.0);
        } else if (format == AV_SAMPLE_FMT_DBL) {
            var d = src.asDoubleBuffer();
            for (int i = 0; i < count; i++) out[start + i * stride] = (float) d.get(i);
        } else if (format == AV_SAMPLE_FMT_U8) {
            for (int i = 0; i < count; i++) out[start + i * stride] = ((src.get(i) & 0xFF) - 128) / 128f;
        } else if (format == AV_SAMPLE_FMT_S64) {
            var l = src.asLongBuffer();
            for (int i = 0; i < count; i++) out[start + i * stride] = (float) (l.get(i) / 9.223372036854775807E18);
        } else {
            return false;
        }
        return true;
    }
}
