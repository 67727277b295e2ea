package dev.streamkit.nodes.codecs.assets;

import dev.streamkit.api.packet.AudioFrame;
import java.util.List;
import java.util.Random;

/**
 * Generated speech-like audio for the system assets: a formant synthesizer (a glottal pulse train through
 * three vowel resonators) speaking nonsense syllables grouped in words and phrases, with a falling pitch
 * per phrase, breathy onsets and pauses. It is not language, but it has what speech pipelines react to:
 * voiced harmonics around 100-150 Hz, moving formants, syllable rhythm and silences. 48 kHz mono, peak 0.5,
 * the same every run (fixed seed).
 */
final class Voice {

    private static final double RATE = Synth.RATE;
    /** F1, F2, F3 in Hz of the vowels a, e, i, o, u. */
    private static final double[][] VOWELS = {
        {730, 1090, 2440}, {530, 1840, 2480}, {270, 2290, 3010}, {570, 840, 2410}, {300, 870, 2240}};
    private static final double[] BANDWIDTHS = {80, 100, 120};
    private static final double SYLLABLE_SECONDS = 0.2;
    private static final double WORD_GAP_SECONDS = 0.08;
    private static final double PHRASE_GAP_SECONDS = 0.4;
    private static final int WORDS_PER_PHRASE = 5;

    private Voice() {
    }

    /** {@code seconds} of speech-like audio, in 20 ms frames. */
    static List<AudioFrame> speech(double seconds) {
        float[] out = new float[(int) Math.round(seconds * RATE)];
        Random random = new Random(7);
        int at = 0;
        for (int word = 0; at < out.length; word++) {
            double phrase = (double) (word % WORDS_PER_PHRASE) / WORDS_PER_PHRASE; // 0 → 1 along the phrase
            int syllables = 1 + random.nextInt(3);
            for (int s = 0; s < syllables && at < out.length; s++) {
                double pitch = 150 - 40 * phrase + 10 * random.nextGaussian();
                double[] vowel = VOWELS[random.nextInt(VOWELS.length)];
                at = syllable(out, at, pitch, vowel, random);
            }
            at += (int) ((word % WORDS_PER_PHRASE == WORDS_PER_PHRASE - 1 ? PHRASE_GAP_SECONDS : WORD_GAP_SECONDS) * RATE);
        }
        normalize(out, 0.5f);
        return Synth.frames(out);
    }

    /** Writes one syllable (a breathy onset, then the voiced vowel) from {@code start}; returns where it ends. */
    private static int syllable(float[] out, int start, double pitch, double[] formants, Random random) {
        int length = (int) (SYLLABLE_SECONDS * RATE * (0.8 + 0.4 * random.nextDouble()));
        int end = Math.min(out.length, start + length);
        Resonator[] tract = new Resonator[formants.length];
        for (int f = 0; f < formants.length; f++) tract[f] = new Resonator(formants[f], BANDWIDTHS[f]);
        double phase = 0;
        for (int i = start; i < end; i++) {
            double within = (double) (i - start) / length;
            double excitation;
            if (within < 0.1) {
                excitation = 0.3 * random.nextGaussian(); // aspiration: a consonant-like onset
            } else {
                phase += pitch * (1 - 0.1 * within) / RATE;
                excitation = phase >= 1 ? 1 : 0;
                if (phase >= 1) phase -= 1;
            }
            double value = excitation;
            for (Resonator resonator : tract) value = resonator.filter(value);
            double envelope = Math.min(1, within * 15) * Math.min(1, (1 - within) * 6);
            out[i] = (float) (envelope * value);
        }
        return end;
    }

    private static void normalize(float[] samples, float peak) {
        float max = 0;
        for (float sample : samples) max = Math.max(max, Math.abs(sample));
        if (max == 0) return;
        for (int i = 0; i < samples.length; i++) samples[i] = samples[i] / max * peak;
    }

    /** A two-pole resonator at {@code frequency} Hz with {@code bandwidth} Hz, unity gain at DC. */
    private static final class Resonator {
        private final double a;
        private final double b;
        private final double c;
        private double y1;
        private double y2;

        Resonator(double frequency, double bandwidth) {
            c = -Math.exp(-2 * Math.PI * bandwidth / RATE);
            b = 2 * Math.exp(-Math.PI * bandwidth / RATE) * Math.cos(2 * Math.PI * frequency / RATE);
            a = 1 - b - c;
        }

        double filter(double x) {
            double y = a * x + b * y1 + c * y2;
            y2 = y1;
            y1 = y;
            return y;
        }
    }
}
