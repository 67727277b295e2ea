package dev.streamkit.nodes.codecs.assets;

import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.PacketMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated music for the system assets: a chord progression of soft additive-synthesis tones
 * (fundamental plus two harmonics, attack and release envelopes), 48 kHz mono, peak below 0.5.
 */
final class Synth {

    static final int RATE = 48_000;
    private static final int FRAME = 960;
    /** I–V–vi–IV in C major, as frequencies in Hz. */
    private static final double[][] CHORDS = {
        {261.63, 329.63, 392.00}, {196.00, 246.94, 293.66}, {220.00, 261.63, 329.63}, {174.61, 220.00, 261.63}};

    private Synth() {
    }

    /** {@code seconds} of the progression, one chord per {@code chordSeconds}, in 20 ms frames. */
    static List<AudioFrame> progression(double seconds, double chordSeconds) {
        int total = (int) Math.round(seconds * RATE);
        int perChord = (int) Math.round(chordSeconds * RATE);
        float[] samples = new float[total];
        for (int i = 0; i < total; i++) {
            double[] chord = CHORDS[(i / perChord) % CHORDS.length];
            double t = (double) i / RATE;
            double within = (double) (i % perChord) / perChord;
            double envelope = Math.min(1, within * 20) * Math.min(1, (1 - within) * 8);
            double value = 0;
            for (double f : chord) {
                value += Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t) + 0.1 * Math.sin(6 * Math.PI * f * t);
            }
            samples[i] = (float) (0.3 * envelope * value / chord.length);
        }
        return frames(samples);
    }

    /** {@code samples} (48 kHz mono) cut into timed 20 ms frames, the last one possibly shorter. */
    static List<AudioFrame> frames(float[] samples) {
        int total = samples.length;
        List<AudioFrame> frames = new ArrayList<>();
        for (int start = 0; start < total; start += FRAME) {
            float[] chunk = java.util.Arrays.copyOfRange(samples, start, Math.min(total, start + FRAME));
            frames.add(new AudioFrame(RATE, 1, chunk,
                    PacketMetadata.timed(start * 1_000_000L / RATE, chunk.length * 1_000_000L / RATE)));
        }
        return frames;
    }
}
