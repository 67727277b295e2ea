package dev.streamkit.nodes.audio;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.Packet;

/**
 * {@code audio::gain}: multiplies every sample by a linear gain factor, keeping the frame's metadata.
 *
 * <p>Invariants: the input frame is never modified (the samples are copied); at unity gain with no ramp
 * pending the frame is passed through as is; a gain change made with {@link ControlMessage.UpdateParams}
 * ramps linearly across the next frame, so it never clicks; the node never produces NaN or infinity
 * (non-finite products are written as silence).
 */
final class GainNode implements Node {

    static final String GAIN = "gain";
    static final double MIN_GAIN = 0.0;
    static final double MAX_GAIN = 4.0;
    static final double DEFAULT_GAIN = 1.0;

    /** Gain in effect at the end of the last frame processed. */
    private float current;
    /** Gain requested; reached by the end of the next frame. */
    private float target;

    GainNode(Params params) {
        current = target = readGain(params);
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) throws Exception {
        AudioFrame in = AudioPackets.requireAudio(inputPin, packet);
        if (current == target && current == 1.0f) {
            out.send("out", in);
            return;
        }
        out.send("out", new AudioFrame(in.sampleRate(), in.channels(), apply(in), in.metadata()));
        current = target;
    }

    /**
     * Re-reads the whole configuration, as StreamKit does: a message without {@code gain} resets it to
     * unity.
     */
    @Override
    public void onControl(ControlMessage message, Outputs out) {
        if (message instanceof ControlMessage.UpdateParams update) target = readGain(update.params());
    }

    private float[] apply(AudioFrame in) {
        float[] samples = in.samples().clone();
        int channels = in.channels();
        int frames = in.frameCount();
        float step = (target - current) / Math.max(frames, 1);
        for (int frame = 0, i = 0; frame < frames; frame++) {
            float gain = current == target ? target : current + step * (frame + 1);
            for (int c = 0; c < channels; c++, i++) {
                float v = samples[i] * gain;
                samples[i] = Float.isFinite(v) ? v : 0f;
            }
        }
        return samples;
    }

    /** The gain from {@code params}: unity when absent or not a finite number, clamped to the schema's range. */
    private static float readGain(Params params) {
        double gain = params.getDouble(GAIN, DEFAULT_GAIN);
        if (!Double.isFinite(gain)) gain = DEFAULT_GAIN;
        return (float) Math.max(MIN_GAIN, Math.min(MAX_GAIN, gain));
    }
}
