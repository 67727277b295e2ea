package dev.streamkit.nodes.audio;

import dev.streamkit.testkit.NodeHarness;
import dev.streamkit.testkit.RecordingOutputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.PacketMetadata;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class ClockedMixerNodeTest {

    private static final int RATE = 48_000;
    private static final ClockedMixerConfig WITH_SILENCE = new ClockedMixerConfig(RATE, 960, 3, true);
    private static final ClockedMixerConfig WITHOUT_SILENCE = new ClockedMixerConfig(RATE, 960, 3, false);
    private static int nodes;

    private final RecordingOutputs out = RecordingOutputs.withoutTimers();
    private final String threadName = "test-mixer-clock-" + (++nodes);
    private ClockedMixerNode node;

    @AfterEach
    void closeNode() {
        if (node != null) node.close();
    }

    private ClockedMixerNode mixer(ClockedMixerConfig config, String... pins) {
        node = new ClockedMixerNode(config, List.of(pins), threadName);
        return node;
    }

    private static AudioFrame frame(int rate, float value) {
        return new AudioFrame(rate, 1, TestSignals.constant(value, rate / 50), PacketMetadata.NONE);
    }

    private boolean clockThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(threadName) && t.isAlive());
    }

    private static boolean await(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(5);
        }
        return true;
    }

    @Test
    void emitsFramesOnASteadyCadence() throws Exception {
        mixer(WITH_SILENCE, "in_0").onPacket("in_0", frame(RATE, 0.25f), out);
        assertTrue(await(() -> out.sendTimesMs().size() >= 11, 1_000));
        List<Double> t = out.sendTimesMs();
        double tenTicks = t.get(10) - t.get(0);
        assertTrue(tenTicks > 200 * 0.75 && tenTicks < 200 * 1.25, "ten 20 ms ticks took " + tenTicks + " ms");
        for (int i = 1; i <= 10; i++) assertTrue(t.get(i) - t.get(i - 1) > 5, "tick " + i + " came in a burst");
        List<AudioFrame> frames = out.packets(AudioFrame.class);
        assertEquals(0.25f, frames.get(0).samples()[0], 1e-6);
        assertEquals(0f, frames.get(1).samples()[0], "silence once the input ran dry");
        assertEquals(20_000L, frames.get(1).metadata().timestampUs());
        assertFalse(out.finished(), "the input is still open");
    }

    @Test
    void ticksOnTheEngineTimersWhenItHasThemWithoutAThreadOfItsOwn() throws Exception {
        ClockedMixerNode mixer = mixer(WITH_SILENCE, "in_0", "in_1");
        NodeHarness engine = new NodeHarness(mixer);
        RecordingOutputs timers = engine.outputs();
        mixer.onPacket("in_0", frame(RATE, 0.25f), timers);
        mixer.onPacket("in_1", frame(RATE, 0.5f), timers);
        assertTrue(timers.timerPending(), "the first tick is an engine timer");
        assertFalse(clockThreadAlive(), "no clock thread when the engine has timers");
        assertTrue(engine.fireTimerWhenDue());
        assertTrue(engine.fireTimerWhenDue(), "each tick asks for the next");
        List<AudioFrame> frames = timers.packets(AudioFrame.class);
        assertEquals(0.75f, frames.get(0).samples()[0], 1e-6, "both inputs mixed");
        assertEquals(0f, frames.get(1).samples()[0], "silence once the inputs ran dry");
        mixer.onInputEnd("in_0", timers);
        mixer.onInputEnd("in_1", timers);
        assertTrue(engine.fireTimerWhenDue());
        assertTrue(timers.finished(), "finishes on the tick after every input ended and drained");
    }

    @Test
    void dropsOldestAudioOverJitterBuffer() throws Exception {
        ClockedMixerNode mixer = mixer(WITH_SILENCE, "in_0");
        for (int i = 1; i <= 5; i++) mixer.onPacket("in_0", frame(RATE, i / 10f), out);
        mixer.onInputEnd("in_0", out);
        assertTrue(await(out::finished, 1_000));
        List<Float> firstSamples = out.packets(AudioFrame.class).stream().map(f -> f.samples()[0]).toList();
        assertEquals(List.of(0.3f, 0.4f, 0.5f), firstSamples);
        assertEquals(2 * 960L, mixer.droppedSamples());
    }

    @Test
    void finishesAfterAllInputsEndAndBuffersDrain() throws Exception {
        ClockedMixerNode mixer = mixer(WITHOUT_SILENCE, "in_0", "in_1");
        for (int i = 0; i < 2; i++) {
            mixer.onPacket("in_0", frame(RATE, 0.1f), out);
            mixer.onPacket("in_1", frame(RATE, 0.2f), out);
        }
        mixer.onInputEnd("in_0", out);
        Thread.sleep(10);
        assertFalse(out.finished());
        mixer.onInputEnd("in_1", out);
        assertTrue(await(out::finished, 1_000));
        List<AudioFrame> frames = out.packets(AudioFrame.class);
        assertEquals(2, frames.size());
        frames.forEach(f -> assertEquals(0.3f, f.samples()[0], 1e-6));
        assertTrue(await(() -> !clockThreadAlive(), 500), "the clock thread ends with the node");
    }

    @Test
    void finishesAtOnceWhenInputsEndWithoutAudio() throws Exception {
        ClockedMixerNode mixer = mixer(WITH_SILENCE, "in_0");
        mixer.onInputEnd("in_0", out);
        assertTrue(out.finished());
        assertFalse(clockThreadAlive());
    }

    @Test
    void disconnectingTheLastInputKeepsTheClockRunningAndDropsItsAudio() throws Exception {
        ClockedMixerNode mixer = mixer(WITH_SILENCE);
        mixer.onControl(new ControlMessage.InputConnected("in_0"), out);
        for (int i = 0; i < 3; i++) mixer.onPacket("in_0", frame(RATE, 0.5f), out);
        int sentBefore = out.sendTimesMs().size();
        mixer.onControl(new ControlMessage.InputDisconnected("in_0"), out);
        mixer.onPacket("in_0", frame(RATE, 0.5f), out);
        assertTrue(await(() -> out.sendTimesMs().size() >= sentBefore + 4, 1_000));
        // A tick may have mixed one frame just before the disconnect and send it just after.
        List<AudioFrame> frames = out.packets(AudioFrame.class);
        for (AudioFrame frame : frames.subList(sentBefore + 1, frames.size())) {
            assertEquals(0f, frame.samples()[0], "the disconnected input's audio is gone");
        }
        assertFalse(out.finished(), "a disconnected input may come back");
        assertTrue(clockThreadAlive());
    }

    @Test
    void aConnectedInputKeepsTheMixerGoingAfterTheOthersEnd() throws Exception {
        ClockedMixerNode mixer = mixer(WITHOUT_SILENCE, "in_0");
        mixer.onControl(new ControlMessage.InputConnected("in_1"), out);
        mixer.onPacket("in_0", frame(RATE, 0.1f), out);
        mixer.onInputEnd("in_0", out);
        assertTrue(await(() -> out.sendTimesMs().size() >= 1, 1_000));
        Thread.sleep(60);
        assertFalse(out.finished(), "in_1 is connected and has not ended");
        mixer.onInputEnd("in_1", out);
        assertTrue(await(out::finished, 1_000));
    }

    @Test
    void emitsNothingOnEmptyTicksWithoutGenerateSilence() throws Exception {
        mixer(WITHOUT_SILENCE, "in_0").onPacket("in_0", frame(RATE, 0.1f), out);
        Thread.sleep(120);
        assertEquals(1, out.sendTimesMs().size());
    }

    @Test
    void clockThreadIsGoneAfterClose() throws Exception {
        mixer(WITH_SILENCE, "in_0").onPacket("in_0", frame(RATE, 0.1f), out);
        assertTrue(clockThreadAlive());
        node.close();
        assertFalse(clockThreadAlive(), "close joins the clock thread");
        int sent = out.sendTimesMs().size();
        Thread.sleep(50);
        assertEquals(sent, out.sendTimesMs().size());
    }

    @Test
    void cancellationStopsTheClockThread() throws Exception {
        mixer(WITH_SILENCE, "in_0").onPacket("in_0", frame(RATE, 0.1f), out);
        assertTrue(await(() -> out.sendTimesMs().size() >= 2, 500));
        out.cancel();
        assertTrue(await(() -> !clockThreadAlive(), 200), "the clock thread stops on cancellation");
    }

    @Test
    void failsOnInputAtAnotherRateNamingThePin() throws Exception {
        ClockedMixerNode mixer = mixer(WITH_SILENCE, "in_0", "in_1");
        mixer.onPacket("in_0", frame(RATE, 0.1f), out);
        mixer.onPacket("in_1", frame(44_100, 0.1f), out);
        NodeException failure = out.failure();
        assertNotNull(failure);
        assertEquals(NodeException.Cause.INVALID_MEDIA, failure.failureCause());
        assertTrue(failure.getMessage().contains("'in_1'") && failure.getMessage().contains("44100"), failure.getMessage());
        assertFalse(clockThreadAlive(), "a failed mixer stops its clock");
    }
}
