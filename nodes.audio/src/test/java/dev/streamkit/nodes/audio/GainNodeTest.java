package dev.streamkit.nodes.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.testkit.RecordingOutputs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GainNodeTest {

    private static final int RATE = 48_000;

    private static GainNode gain(double value) {
        return new GainNode(Params.of(Map.of("gain", value)));
    }

    private static AudioFrame frame(float[] samples, int channels) {
        return new AudioFrame(RATE, channels, samples, PacketMetadata.timed(20_000, 10_000));
    }

    @Test
    void doublesPeakLevel() throws Exception {
        float[] sine = TestSignals.sine(RATE, 2, 1000, 0.25, 4800);
        RecordingOutputs out = new RecordingOutputs();
        GainNode node = gain(2.0);
        for (AudioFrame f : TestSignals.frames(RATE, 2, sine, 960)) node.onPacket("in", f, out);

        float[] result = TestSignals.concat(out.packets(AudioFrame.class));
        double changeDb = TestSignals.db(TestSignals.peak(result, 0, result.length) / TestSignals.peak(sine, 0, sine.length));
        assertEquals(6.0206, changeDb, 0.1);
    }

    @Test
    void passesFrameThroughAtUnityGain() throws Exception {
        AudioFrame in = frame(TestSignals.noise(1, 0.5, 960), 1);
        RecordingOutputs out = new RecordingOutputs();
        new GainNode(Params.EMPTY).onPacket("in", in, out);
        assertSame(in, out.packets(AudioFrame.class).get(0));
    }

    @Test
    void neverModifiesInputAndKeepsMetadata() throws Exception {
        float[] samples = TestSignals.noise(2, 0.5, 960);
        float[] original = samples.clone();
        AudioFrame in = frame(samples, 2);
        RecordingOutputs out = new RecordingOutputs();
        gain(0.5).onPacket("in", in, out);

        AudioFrame result = out.packets(AudioFrame.class).get(0);
        assertArrayEquals(original, in.samples());
        assertNotSame(in.samples(), result.samples());
        assertEquals(in.metadata(), result.metadata());
        assertEquals(2, result.channels());
        assertEquals(original[7] * 0.5f, result.samples()[7], 1e-7);
    }

    @Test
    void rampsGainChangeOverNextFrameWithoutDiscontinuity() throws Exception {
        GainNode node = gain(1.0);
        RecordingOutputs out = new RecordingOutputs();
        node.onPacket("in", frame(TestSignals.constant(0.25f, 480), 1), out);
        node.onControl(ControlMessage.updateParams(Map.of("gain", 2.0)), out);
        node.onPacket("in", frame(TestSignals.constant(0.25f, 480), 1), out);
        node.onPacket("in", frame(TestSignals.constant(0.25f, 480), 1), out);

        float[] all = TestSignals.concat(out.packets(AudioFrame.class));
        double largestStep = 0;
        for (int i = 1; i < all.length; i++) largestStep = Math.max(largestStep, Math.abs(all[i] - all[i - 1]));
        assertTrue(largestStep <= 0.25 / 480 + 1e-6, "largest step " + largestStep);
        assertEquals(0.5f, all[2 * 480 - 1], 1e-6, "target reached at the end of the ramp frame");
        for (int i = 2 * 480; i < all.length; i++) assertEquals(0.5f, all[i], 1e-6);
    }

    @Test
    void updateWithoutGainResetsToUnity() throws Exception {
        GainNode node = gain(3.0);
        RecordingOutputs out = new RecordingOutputs();
        node.onControl(ControlMessage.updateParams(Map.of()), out);
        node.onPacket("in", frame(TestSignals.constant(0.1f, 480), 1), out);
        AudioFrame settled = frame(TestSignals.constant(0.1f, 480), 1);
        node.onPacket("in", settled, out);

        List<AudioFrame> frames = out.packets(AudioFrame.class);
        assertEquals(0.1f, frames.get(0).samples()[479], 1e-6, "ramp from 3.0 ends at unity");
        assertSame(settled, frames.get(1), "unity gain passes through again");
    }

    @Test
    void neverEmitsNaNUnderRandomUpdates() throws Exception {
        GainNode node = gain(4.0);
        RecordingOutputs out = new RecordingOutputs();
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            node.onPacket("in", frame(TestSignals.noise(i, 1.0, 960), 2), out);
            Map<String, Object> update = new HashMap<>();
            update.put("gain", i % 5 == 0 ? Double.NaN : random.nextDouble() * 4);
            node.onControl(ControlMessage.updateParams(update), out);
        }
        assertEquals(50, out.packets(AudioFrame.class).size());
        for (AudioFrame f : out.packets(AudioFrame.class)) assertFalse(TestSignals.hasNonFinite(f.samples()));
    }

    @Test
    void scrubsNonFiniteInputWhileScaling() throws Exception {
        GainNode node = gain(0.0);
        RecordingOutputs out = new RecordingOutputs();
        float[] samples = TestSignals.noise(9, 1.0, 960);
        samples[0] = Float.NaN;
        samples[1] = Float.NEGATIVE_INFINITY;
        node.onPacket("in", frame(samples, 2), out);
        assertFalse(TestSignals.hasNonFinite(out.packets(AudioFrame.class).get(0).samples()));
    }

    @Test
    void ignoresInputConnectionMessages() throws Exception {
        GainNode node = gain(2.0);
        RecordingOutputs out = new RecordingOutputs();
        node.onControl(new ControlMessage.InputConnected("in"), out);
        node.onControl(new ControlMessage.InputDisconnected("in"), out);
        node.onPacket("in", frame(TestSignals.constant(0.1f, 480), 1), out);
        assertEquals(0.2f, out.packets(AudioFrame.class).get(0).samples()[0], 1e-6, "the gain is unchanged");
        assertFalse(out.finished());
    }
}
