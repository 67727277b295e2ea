package dev.streamkit.nodes.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.testkit.RecordingOutputs;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixerNodeTest {

    private static final int RATE = 48_000;

    private final RecordingOutputs out = new RecordingOutputs();
    /** The mixer's clock: only moves when a test moves it. */
    private long nowNanos;

    private MixerNode twoInputs() {
        return new MixerNode(List.of("in_0", "in_1"), 100L, () -> nowNanos);
    }

    private void advanceMs(long ms) {
        nowNanos += ms * 1_000_000L;
    }

    private void feed(MixerNode node, String pin, int rate, int channels, float[] samples) throws Exception {
        for (AudioFrame f : TestSignals.frames(rate, channels, samples, 960)) node.onPacket(pin, f, out);
    }

    @Test
    void sumsTwoSines() throws Exception {
        MixerNode node = twoInputs();
        float[] a = TestSignals.sine(RATE, 1, 440, 0.3, 9_600);
        float[] b = TestSignals.sine(RATE, 1, 660, 0.3, 9_600);
        feed(node, "in_0", RATE, 1, a);
        feed(node, "in_1", RATE, 1, b);
        node.onInputEnd("in_0", out);
        node.onInputEnd("in_1", out);

        float[] mix = TestSignals.concat(out.packets(AudioFrame.class));
        assertEquals(a.length, mix.length);
        for (int i = 0; i < mix.length; i++) assertEquals(a[i] + b[i], mix[i], 1e-6);
        out.packets(AudioFrame.class).forEach(f -> assertEquals(960, f.frameCount()));
        assertTrue(out.finished());
    }

    @Test
    void upmixesMonoWhenAnotherInputIsStereo() throws Exception {
        MixerNode node = twoInputs();
        float[] stereo = new float[960 * 2];
        for (int i = 0; i < stereo.length; i++) stereo[i] = i % 2 == 0 ? 0.1f : -0.1f;
        feed(node, "in_0", RATE, 2, stereo);
        feed(node, "in_1", RATE, 1, TestSignals.constant(0.2f, 960));

        AudioFrame mixed = out.packets(AudioFrame.class).get(0);
        assertEquals(2, mixed.channels());
        assertEquals(0.3f, mixed.samples()[0], 1e-6);
        assertEquals(0.1f, mixed.samples()[1], 1e-6);
    }

    @Test
    void waitsForEveryOpenInput() throws Exception {
        MixerNode node = twoInputs();
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 4_800));
        assertTrue(out.sent().isEmpty());
        feed(node, "in_1", RATE, 1, TestSignals.constant(0.1f, 960));
        assertEquals(1, out.sent().size());
    }

    @Test
    void endedInputNoLongerHoldsMixBack() throws Exception {
        MixerNode node = twoInputs();
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        node.onInputEnd("in_0", out);
        feed(node, "in_1", RATE, 1, TestSignals.constant(0.2f, 2_880));

        List<AudioFrame> frames = out.packets(AudioFrame.class);
        assertEquals(3, frames.size());
        assertEquals(0.3f, frames.get(0).samples()[0], 1e-6);
        assertEquals(0.2f, frames.get(2).samples()[0], 1e-6);
        assertFalse(out.finished());
    }

    @Test
    void flushesLongestInputAndFinishesWhenAllEnd() throws Exception {
        MixerNode node = twoInputs();
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 1_000));
        feed(node, "in_1", RATE, 1, TestSignals.constant(0.1f, 3_000));
        node.onInputEnd("in_1", out);
        node.onInputEnd("in_0", out);

        float[] mix = TestSignals.concat(out.packets(AudioFrame.class));
        assertEquals(3_000, mix.length);
        assertEquals(0.2f, mix[999], 1e-6);
        assertEquals(0.1f, mix[1_000], 1e-6);
        assertTrue(out.finished());
        List<AudioFrame> frames = out.packets(AudioFrame.class);
        long end = frames.get(frames.size() - 1).metadata().timestampUs() + frames.get(frames.size() - 1).metadata().durationUs();
        assertEquals(3_000 * 1_000_000L / RATE, end);
    }

    @Test
    void clipsSumToUnitRange() throws Exception {
        MixerNode node = twoInputs();
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.8f, 960));
        feed(node, "in_1", RATE, 1, TestSignals.constant(0.7f, 960));
        assertEquals(1.0f, out.packets(AudioFrame.class).get(0).samples()[0]);
    }

    @Test
    void failsOnMismatchedSampleRates() throws Exception {
        MixerNode node = twoInputs();
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        feed(node, "in_1", 44_100, 1, TestSignals.constant(0.1f, 882));

        NodeException failure = out.failure();
        assertNotNull(failure);
        assertEquals(NodeException.Cause.INVALID_MEDIA, failure.failureCause());
        assertTrue(failure.getMessage().contains("in_0") && failure.getMessage().contains("48000"), failure.getMessage());
        assertTrue(failure.getMessage().contains("in_1") && failure.getMessage().contains("44100"), failure.getMessage());
        assertTrue(out.sent().isEmpty());
    }

    @Test
    void dynamicPinsJoinWhenTheyDeliver() throws Exception {
        MixerNode node = new MixerNode(List.of(), 100L, () -> nowNanos);
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        assertEquals(1, out.sent().size(), "a lone known input mixes by itself");
        feed(node, "in_1", RATE, 1, TestSignals.constant(0.1f, 960));
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        assertEquals(0.2f, out.packets(AudioFrame.class).get(1).samples()[0], 1e-6);
        node.onInputEnd("in_0", out);
        node.onInputEnd("in_1", out);
        assertTrue(out.finished());
    }

    @Test
    void syncTimeoutMixesWithSilenceForMissingInputAfterTimeout() throws Exception {
        MixerNode node = twoInputs();
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        advanceMs(60);
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.2f, 960));
        assertTrue(out.sent().isEmpty(), "still within the 100 ms timeout");
        advanceMs(41);
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.3f, 960));

        List<AudioFrame> frames = out.packets(AudioFrame.class);
        assertEquals(3, frames.size(), "everything queued is mixed once the oldest frame waited 101 ms");
        assertEquals(0.1f, frames.get(0).samples()[0], 1e-6);
        assertEquals(0.3f, frames.get(2).samples()[0], 1e-6);
        frames.forEach(f -> assertEquals(960, f.frameCount()));
        assertEquals(2 * 20_000L, frames.get(2).metadata().timestampUs());
    }

    @Test
    void lateInputJoinsTheMixesAfterATimeout() throws Exception {
        MixerNode node = twoInputs();
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        advanceMs(150);
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        assertEquals(2, out.sent().size());
        feed(node, "in_1", RATE, 1, TestSignals.constant(0.2f, 960));
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        assertEquals(0.3f, out.packets(AudioFrame.class).get(2).samples()[0], 1e-6);
    }

    @Test
    void syncTimeoutIsCheckedWhenAnotherInputEnds() throws Exception {
        MixerNode node = new MixerNode(List.of("in_0", "in_1", "in_2"), 100L, () -> nowNanos);
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        advanceMs(200);
        node.onInputEnd("in_2", out);
        assertEquals(1, out.sent().size());
        assertFalse(out.finished());
    }

    @Test
    void nullSyncTimeoutWaitsForever() throws Exception {
        MixerNode node = new MixerNode(List.of("in_0", "in_1"), null, () -> nowNanos);
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        advanceMs(3_600_000);
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        assertTrue(out.sent().isEmpty());
    }

    @Test
    void aConnectedPinIsWaitedForBeforeItDelivers() throws Exception {
        MixerNode node = new MixerNode(List.of(), 100L, () -> nowNanos);
        node.onControl(new ControlMessage.InputConnected("in_1"), out);
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        assertTrue(out.sent().isEmpty(), "in_1 is connected, so the mix waits for it");
        feed(node, "in_1", RATE, 1, TestSignals.constant(0.2f, 960));
        assertEquals(0.3f, out.packets(AudioFrame.class).get(0).samples()[0], 1e-6);
    }

    @Test
    void aConnectedPinThatStaysSilentIsMixedAsSilenceAfterTheTimeout() throws Exception {
        MixerNode node = new MixerNode(List.of(), 100L, () -> nowNanos);
        node.onControl(new ControlMessage.InputConnected("in_1"), out);
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        advanceMs(101);
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        assertEquals(2, out.sent().size());
        assertEquals(0.1f, out.packets(AudioFrame.class).get(0).samples()[0], 1e-6);
    }

    @Test
    void disconnectingTheAwaitedPinMixesWhatWaitedForIt() throws Exception {
        MixerNode node = twoInputs();
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        assertTrue(out.sent().isEmpty());
        node.onControl(new ControlMessage.InputDisconnected("in_1"), out);
        assertEquals(1, out.sent().size(), "nothing to wait for any more");
        assertEquals(0.1f, out.packets(AudioFrame.class).get(0).samples()[0], 1e-6);
        assertFalse(out.finished());
    }

    @Test
    void disconnectingAPinDropsItsQueuedAndStrayAudio() throws Exception {
        MixerNode node = twoInputs();
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        feed(node, "in_1", RATE, 1, TestSignals.constant(0.2f, 1_920));
        assertEquals(1, out.sent().size(), "one frame of in_1 stays queued");
        node.onControl(new ControlMessage.InputDisconnected("in_1"), out);
        feed(node, "in_1", RATE, 1, TestSignals.constant(0.2f, 960));
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));

        List<AudioFrame> frames = out.packets(AudioFrame.class);
        assertEquals(2, frames.size());
        assertEquals(0.3f, frames.get(0).samples()[0], 1e-6);
        for (float v : frames.get(1).samples()) assertEquals(0.1f, v, 1e-6, "in_1's queued and stray audio is dropped");
        assertFalse(out.finished());
    }

    @Test
    void aDisconnectedPinCanBeConnectedAgainAndTheMixerFinishesOnlyWhenItEnds() throws Exception {
        MixerNode node = new MixerNode(List.of(), 100L, () -> nowNanos);
        node.onControl(new ControlMessage.InputConnected("in_0"), out);
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.1f, 960));
        node.onControl(new ControlMessage.InputDisconnected("in_0"), out);
        assertFalse(out.finished(), "the disconnected pin may come back");
        node.onControl(new ControlMessage.InputConnected("in_0"), out);
        feed(node, "in_0", RATE, 1, TestSignals.constant(0.4f, 960));
        node.onInputEnd("in_0", out);
        assertEquals(List.of(0.1f, 0.4f), out.packets(AudioFrame.class).stream().map(f -> f.samples()[0]).toList());
        assertTrue(out.finished());
    }

    @Test
    void runsOnItsOwnWorker() {
        assertEquals(Node.Invocation.BLOCKING, twoInputs().invocation());
    }
}
