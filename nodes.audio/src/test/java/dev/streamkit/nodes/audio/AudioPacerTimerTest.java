package dev.streamkit.nodes.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.testkit.NodeHarness;
import dev.streamkit.testkit.RecordingOutputs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code audio::pacer} where the engine has timers (live sessions): it holds frames instead of sleeping. */
@Timeout(5)
class AudioPacerTimerTest {

    private final AudioPacerNode node = new AudioPacerNode(Params.of(Map.of()), System.nanoTime());
    private final NodeHarness engine = new NodeHarness(node);
    private final RecordingOutputs out = engine.outputs();

    private static AudioFrame monoFrame(float value) {
        return new AudioFrame(48_000, 1, TestSignals.constant(value, 960), PacketMetadata.NONE);
    }

    /** Frames the pacer held (input paused, a timer pending) instead of sleeping in {@code onPacket}. */
    private int held;

    /** Delivers a frame as the engine would: never while input is paused, timers fired when due. */
    private void deliver(AudioFrame frame) throws Exception {
        while (out.inputPaused()) engine.fireTimerWhenDue();
        node.onPacket("in", frame, out);
        if (out.inputPaused()) held++;
    }

    @Test
    void framesAreHeldUntilTheirTimerAndInputPausedMeanwhile() throws Exception {
        for (int i = 0; i < 25; i++) deliver(monoFrame(i / 100f));
        assertTrue(held >= 24, "frames not yet due are held for a timer, not slept on: " + held + " of 25");
        while (out.inputPaused()) engine.fireTimerWhenDue();
        List<AudioFrame> frames = out.packets(AudioFrame.class);
        assertEquals(25, frames.size());
        for (int i = 0; i < 25; i++) assertEquals(i / 100f, frames.get(i).samples()[0]);
        double last = out.sendTimesMs().get(24);
        assertTrue(last > 480 * 0.9 && last < 480 * 1.25, "last release at " + last + " ms");
        assertFalse(out.inputPaused());
    }

    @Test
    void silenceFillsAStallLiveOneSlotAtATime() throws Exception {
        deliver(monoFrame(0.5f));
        deliver(monoFrame(0.5f));
        while (out.inputPaused()) engine.fireTimerWhenDue();
        int before = out.packets(AudioFrame.class).size();
        for (int i = 0; i < 5; i++) assertTrue(engine.fireTimerWhenDue(), "a silence timer stays pending during a stall");
        List<AudioFrame> frames = out.packets(AudioFrame.class);
        assertEquals(before + 5, frames.size(), "one silence frame per elapsed slot, as the slot ends");
        assertEquals(0f, frames.get(frames.size() - 1).samples()[0]);
        List<Double> times = out.sendTimesMs();
        double gap = times.get(times.size() - 1) - times.get(times.size() - 2);
        assertTrue(gap > 12 && gap < 35, "silence frames 20 ms apart, live: " + gap + " ms");
    }
}
