package ${package};

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.Packet;

/**
 * {@code ${nodeKind}}: multiplies every sample by the gain {@code gain_db} stands for, optionally
 * clamping the result to [-1, 1].
 *
 * <p>The engine calls a node from one thread at a time, so its fields need no locking. This node is
 * cheap and never blocks, so it keeps the default {@link Node.Invocation#NON_BLOCKING}: it runs inline on
 * the thread of the node feeding it. It never changes the frame it receives (other nodes may hold it)
 * and ends when its input ends (the default {@link Node#onInputEnd}).
 */
final class VolumeNode implements Node {

    static final String GAIN_DB = "gain_db";
    static final String CLIP = "clip";
    static final double MIN_DB = -60.0;
    static final double MAX_DB = 24.0;
    /** Defaults, written once: the schema publishes them, the node applies them to what a pipeline leaves out. */
    static final double DEFAULT_DB = 0.0;
    static final boolean DEFAULT_CLIP = true;

    private final boolean clip;
    private float factor;

    VolumeNode(Params params) {
        clip = params.getBoolean(CLIP, DEFAULT_CLIP);
        factor = factorOf(params.getDouble(GAIN_DB, DEFAULT_DB));
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) throws NodeException {
        if (!(packet instanceof AudioFrame in)) {
            throw NodeException.invalidMedia("expected raw audio on '" + inputPin + "', got " + packet.getClass().getSimpleName());
        }
        float[] samples = in.samples().clone();
        for (int i = 0; i < samples.length; i++) {
            float value = samples[i] * factor;
            samples[i] = clip ? Math.max(-1f, Math.min(1f, value)) : value;
        }
        out.send("out", new AudioFrame(in.sampleRate(), in.channels(), samples, in.metadata()));
    }

    /** A tune ({@code UpdateParams}) that names {@code gain_db} applies from the next frame on. */
    @Override
    public void onControl(ControlMessage message, Outputs out) {
        if (message instanceof ControlMessage.UpdateParams update && update.params().has(GAIN_DB)) {
            factor = factorOf(update.params().getDouble(GAIN_DB, DEFAULT_DB));
        }
    }

    private static float factorOf(double decibels) {
        double bounded = Math.max(MIN_DB, Math.min(MAX_DB, decibels));
        return (float) Math.pow(10.0, bounded / 20.0);
    }
}
