package dev.streamkit.nodes.audio;

import dev.streamkit.api.node.NodeException;
import java.util.Map;

/**
 * The {@code clocked} object of {@code audio::mixer}: the output clock and the per-input jitter buffers.
 * Unknown keys are ignored; missing ones take StreamKit's defaults.
 *
 * @param sampleRate             output (and required input) sample rate, Hz
 * @param frameSamplesPerChannel samples per channel in each output frame (one tick)
 * @param jitterBufferFrames     output frames' worth of audio kept per input; older audio is dropped
 * @param generateSilence        emit silent frames on ticks where no input has audio
 */
record ClockedMixerConfig(int sampleRate, int frameSamplesPerChannel, int jitterBufferFrames, boolean generateSilence) {

    static final String FIELD = "clocked";
    static final int MAX_SAMPLE_RATE = 384_000;
    static final int MAX_JITTER_BUFFER_FRAMES = 1_000;

    /** Nanoseconds per tick. */
    long frameNanos() {
        return frameSamplesPerChannel * 1_000_000_000L / sampleRate;
    }

    /**
     * Reads and checks a {@code clocked} params object.
     *
     * @throws NodeException (invalid params, naming {@code clocked.<key>}) for a wrong type or range
     */
    static ClockedMixerConfig parse(Object value) throws NodeException {
        if (!(value instanceof Map<?, ?> map)) throw NodeException.invalidParam(FIELD, "clocked must be an object");
        int rate = integer(map, "sample_rate", 48_000, 1, MAX_SAMPLE_RATE);
        // Ticks of at least 1 ms and at most 1 s keep the clock thread's wake-ups bounded.
        int frame = integer(map, "frame_samples_per_channel", 960, Math.max(1, rate / 1_000), rate);
        int jitter = integer(map, "jitter_buffer_frames", 3, 1, MAX_JITTER_BUFFER_FRAMES);
        Object silence = map.get("generate_silence");
        if (silence != null && !(silence instanceof Boolean)) {
            throw NodeException.invalidParam(FIELD + ".generate_silence", "generate_silence must be a boolean");
        }
        return new ClockedMixerConfig(rate, frame, jitter, silence == null || (Boolean) silence);
    }

    private static int integer(Map<?, ?> map, String key, int fallback, int min, int max) throws NodeException {
        Object raw = map.get(key);
        if (raw == null) return fallback;
        if (!(raw instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < min || n.doubleValue() > max) {
            throw NodeException.invalidParam(FIELD + "." + key, key + " must be an integer in [" + min + ", " + max + "], got " + raw);
        }
        return n.intValue();
    }
}
