package dev.streamkit.nodes.audio;

import java.util.Arrays;

/**
 * A streaming band-limited sample-rate converter for interleaved float audio (Kaiser-windowed sinc,
 * after J. O. Smith's "Digital Audio Resampling").
 *
 * <p>Output sample {@code k} is the input signal evaluated at input time {@code k * inRate / outRate},
 * by convolution with a low-pass sinc whose cutoff is the lower of the two Nyquist frequencies (times a
 * small roll-off). The kernel is tabulated once at {@value #TABLE_STEPS} points per zero crossing and
 * linearly interpolated, so any pair of rates works without a per-ratio polyphase table. Output time is
 * tracked as an exact fraction, so there is no drift over long streams.
 *
 * <p>The filter is non-causal: an output sample is produced once the input that follows it has arrived.
 * {@link #flush()} treats the missing future as silence and completes the output to exactly
 * {@code ceil(inputFrames * outRate / inRate)} frames, so the output lasts as long as the input.
 * Not thread-safe (owned by one node).
 */
final class SincResampler {

    private static final int ZERO_CROSSINGS = 32;
    private static final int TABLE_STEPS = 512;
    private static final double KAISER_BETA = 9.0;
    private static final double ROLLOFF = 0.94;
    /** {@code sinc(u) * kaiser(u / ZERO_CROSSINGS)} for {@code u = j / TABLE_STEPS}; two zeros appended. */
    private static final float[] KERNEL = tabulateKernel();

    private final int channels;
    /** Input frames per output frame: {@code stepWhole + stepRemainder / den}. */
    private final long stepWhole;
    private final long stepRemainder;
    private final long den;
    private final double cutoff;
    private final double halfWidth;

    /** Input history, interleaved; {@code history[0]} is input frame {@code historyStart}. */
    private float[] history = new float[0];
    private int historyFrames;
    private long historyStart;
    private long inputFrames;

    /** Input time of the next output frame: {@code posWhole + posFraction / den}. */
    private long posWhole;
    private long posFraction;
    private long outputFrames;
    private final float[] accumulator;

    SincResampler(int inRate, int outRate, int channels) {
        if (inRate <= 0 || outRate <= 0 || channels <= 0) throw new IllegalArgumentException("bad format");
        long gcd = gcd(inRate, outRate);
        long in = inRate / gcd;
        this.channels = channels;
        this.den = outRate / gcd;
        this.stepWhole = in / den;
        this.stepRemainder = in % den;
        this.cutoff = Math.min(1.0, (double) outRate / inRate) * ROLLOFF;
        this.halfWidth = ZERO_CROSSINGS / cutoff;
        this.accumulator = new float[channels];
    }

    /** Feeds {@code length} interleaved samples from {@code samples[offset]}; returns the output now ready. */
    float[] process(float[] samples, int offset, int length) {
        append(samples, offset, length);
        long ready = countReady(inputFrames - 1 - (long) Math.ceil(halfWidth));
        return produce(ready);
    }

    /** Completes the output as if silence followed the input. Call once, at the end of the stream. */
    float[] flush() {
        long total = ceilDiv(inputFrames * den, stepWhole * den + stepRemainder);
        return produce(Math.max(0, total - outputFrames));
    }

    /** Number of further outputs whose time is at most {@code lastTime} (an input frame index). */
    private long countReady(long lastTime) {
        long span = (lastTime - posWhole) * den - posFraction;
        return span < 0 ? 0 : span / (stepWhole * den + stepRemainder) + 1;
    }

    private float[] produce(long count) {
        float[] out = new float[Math.toIntExact(count * channels)];
        for (int k = 0, o = 0; k < count; k++, o += channels) {
            interpolate(out, o);
            posWhole += stepWhole;
            posFraction += stepRemainder;
            if (posFraction >= den) {
                posFraction -= den;
                posWhole++;
            }
        }
        outputFrames += count;
        discardBefore(posWhole - (long) Math.ceil(halfWidth) - 1);
        return out;
    }

    /** Writes the output frame at the current position into {@code out[offset..offset+channels)}. */
    private void interpolate(float[] out, int offset) {
        double time = posWhole + (double) posFraction / den;
        long first = Math.max((long) Math.ceil(time - halfWidth), historyStart);
        long last = Math.min((long) Math.floor(time + halfWidth), inputFrames - 1);
        Arrays.fill(accumulator, 0f);
        for (long n = first; n <= last; n++) {
            float weight = (float) (cutoff * kernel(cutoff * Math.abs(time - n)));
            int base = (int) (n - historyStart) * channels;
            for (int c = 0; c < channels; c++) accumulator[c] += weight * history[base + c];
        }
        System.arraycopy(accumulator, 0, out, offset, channels);
    }

    private static double kernel(double zeroCrossings) {
        double index = zeroCrossings * TABLE_STEPS;
        int i = (int) index;
        if (i >= KERNEL.length - 1) return 0;
        double fraction = index - i;
        return KERNEL[i] + fraction * (KERNEL[i + 1] - KERNEL[i]);
    }

    private void append(float[] samples, int offset, int length) {
        int needed = historyFrames * channels + length;
        if (needed > history.length) history = Arrays.copyOf(history, Math.max(needed, 2 * history.length));
        System.arraycopy(samples, offset, history, historyFrames * channels, length);
        historyFrames += length / channels;
        inputFrames += length / channels;
    }

    private void discardBefore(long frame) {
        int drop = (int) Math.min(Math.max(0, frame - historyStart), historyFrames);
        if (drop == 0) return;
        System.arraycopy(history, drop * channels, history, 0, (historyFrames - drop) * channels);
        historyFrames -= drop;
        historyStart += drop;
    }

    private static float[] tabulateKernel() {
        int size = ZERO_CROSSINGS * TABLE_STEPS;
        float[] table = new float[size + 2];
        double norm = besselI0(KAISER_BETA);
        for (int j = 0; j < size; j++) {
            double u = (double) j / TABLE_STEPS;
            double x = u / ZERO_CROSSINGS;
            double sinc = j == 0 ? 1.0 : Math.sin(Math.PI * u) / (Math.PI * u);
            table[j] = (float) (sinc * besselI0(KAISER_BETA * Math.sqrt(1 - x * x)) / norm);
        }
        return table;
    }

    /** Zeroth-order modified Bessel function of the first kind, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; term > sum * 1e-12; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
