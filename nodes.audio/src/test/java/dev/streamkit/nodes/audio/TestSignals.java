package dev.streamkit.nodes.audio;

import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.PacketMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test signals generated in code, and the measurements the node tests assert on. */
final class TestSignals {

    private TestSignals() {
    }

    /** {@code frames} frames of a sine on every channel, interleaved. */
    static float[] sine(int rate, int channels, double hz, double amplitude, int frames) {
        float[] s = new float[frames * channels];
        for (int f = 0; f < frames; f++) {
            float v = (float) (amplitude * Math.sin(2 * Math.PI * hz * f / rate));
            for (int c = 0; c < channels; c++) s[f * channels + c] = v;
        }
        return s;
    }

    /** Uniform white noise in [-amplitude, amplitude] from a fixed seed. */
    static float[] noise(long seed, double amplitude, int samples) {
        Random random = new Random(seed);
        float[] s = new float[samples];
        for (int i = 0; i < s.length; i++) s[i] = (float) (amplitude * (2 * random.nextDouble() - 1));
        return s;
    }

    static float[] constant(float value, int samples) {
        float[] s = new float[samples];
        java.util.Arrays.fill(s, value);
        return s;
    }

    /** Splits interleaved samples into frames of {@code frameSize}, timed from 0. */
    static List<AudioFrame> frames(int rate, int channels, float[] samples, int frameSize) {
        List<AudioFrame> out = new ArrayList<>();
        for (int start = 0; start < samples.length; start += frameSize * channels) {
            int end = Math.min(samples.length, start + frameSize * channels);
            float[] part = java.util.Arrays.copyOfRange(samples, start, end);
            long pos = start / channels;
            out.add(new AudioFrame(rate, channels, part,
                    PacketMetadata.timed(pos * 1_000_000L / rate, (part.length / channels) * 1_000_000L / rate)));
        }
        return out;
    }

    /** Concatenates the samples of {@code frames}. */
    static float[] concat(List<AudioFrame> frames) {
        int total = frames.stream().mapToInt(f -> f.samples().length).sum();
        float[] out = new float[total];
        int at = 0;
        for (AudioFrame f : frames) {
            System.arraycopy(f.samples(), 0, out, at, f.samples().length);
            at += f.samples().length;
        }
        return out;
    }

    /** One channel of interleaved samples. */
    static float[] channel(float[] interleaved, int channels, int channel) {
        float[] out = new float[interleaved.length / channels];
        for (int i = 0; i < out.length; i++) out[i] = interleaved[i * channels + channel];
        return out;
    }

    static double peak(float[] s, int from, int to) {
        double p = 0;
        for (int i = from; i < to; i++) p = Math.max(p, Math.abs(s[i]));
        return p;
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    static boolean hasNonFinite(float[] s) {
        for (float v : s) if (!Float.isFinite(v)) return true;
        return false;
    }

    /** Frequency estimated from rising zero crossings over {@code s[from, to)}. */
    static double zeroCrossingHz(float[] s, int from, int to, int rate) {
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = from + 1; i < to; i++) {
            if (s[i - 1] < 0 && s[i] >= 0) {
                if (first < 0) first = i;
                else count++;
                last = i;
            }
        }
        return count * (double) rate / (last - first);
    }

    /**
     * Amplitude of the best-fitting sine at {@code hz} over {@code s[from, to)}, and the ratio in dB of
     * everything else (distortion and noise) to it.
     *
     * @return {amplitude, residualDb}
     */
    static double[] sineFit(float[] s, int from, int to, int rate, double hz) {
        double ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
        for (int i = from; i < to; i++) {
            double w = 2 * Math.PI * hz * i / rate;
            double sin = Math.sin(w), cos = Math.cos(w);
            ss += sin * sin;
            cc += cos * cos;
            sc += sin * cos;
            ys += s[i] * sin;
            yc += s[i] * cos;
        }
        double det = ss * cc - sc * sc;
        double a = (ys * cc - yc * sc) / det;
        double b = (yc * ss - ys * sc) / det;
        double residual = 0, signal = 0;
        for (int i = from; i < to; i++) {
            double w = 2 * Math.PI * hz * i / rate;
            double fit = a * Math.sin(w) + b * Math.cos(w);
            residual += (s[i] - fit) * (s[i] - fit);
            signal += fit * fit;
        }
        return new double[] {Math.hypot(a, b), 10 * Math.log10(residual / signal)};
    }
}
