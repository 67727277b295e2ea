package dev.streamkit.nodes.audio;

import dev.streamkit.testkit.RecordingOutputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.PacketMetadata;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class AudioPacerNodeTest {

    private static final int RATE = 48_000;

    private final RecordingOutputs out = RecordingOutputs.withoutTimers();

    private static AudioPacerNode pacer(Map<String, ?> params) {
        return new AudioPacerNode(Params.of(params), System.nanoTime());
    }

    /** A 20 ms stereo frame at 48 kHz whose samples all equal {@code value}. */
    private static AudioFrame stereoFrame(float value) {
        return new AudioFrame(RATE, 2, TestSignals.constant(value, 960 * 2), PacketMetadata.NONE);
    }

    private static void parkUntil(long deadlineNanos) {
        for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    @Test
    void releasesTwentyFiveTwentyMsFramesInAboutHalfASecond() throws Exception {
        AudioPacerNode node = pacer(Map.of());
        for (int i = 0; i < 25; i++) node.onPacket("in", stereoFrame(i / 100f), out);
        node.onInputEnd("in", out);
        double last = out.sendTimesMs().get(24);
        assertTrue(last > 480 * 0.75 && last < 480 * 1.25, "last release at " + last + " ms");
        List<AudioFrame> frames = out.packets(AudioFrame.class);
        assertEquals(25, frames.size(), "no silence when the input keeps up");
        for (int i = 0; i < 25; i++) assertEquals(i / 100f, frames.get(i).samples()[0]);
        assertTrue(out.finished());
    }

    @Test
    void fillsA200MsInputGapWithTenSilenceFramesOfTheRightFormat() throws Exception {
        AudioPacerNode node = pacer(Map.of());
        long start = System.nanoTime();
        node.onPacket("in", stereoFrame(0.5f), out);
        // The second frame was due 20 ms after the first; it comes 200 ms later (+10 ms, mid-slot).
        parkUntil(start + 230_000_000L);
        node.onPacket("in", stereoFrame(0.5f), out);

        List<AudioFrame> frames = out.packets(AudioFrame.class);
        assertEquals(12, frames.size(), "frame, 10 x silence, frame");
        for (AudioFrame silence : frames.subList(1, 11)) {
            assertEquals(RATE, silence.sampleRate());
            assertEquals(2, silence.channels());
            assertEquals(960, silence.frameCount());
            assertEquals(20_000L, silence.metadata().durationUs());
            for (float s : silence.samples()) assertEquals(0f, s);
        }
        assertEquals(0.5f, frames.get(11).samples()[0]);
    }

    @Test
    void fillsTheGapBeforeEndOfInput() throws Exception {
        AudioPacerNode node = pacer(Map.of());
        long start = System.nanoTime();
        node.onPacket("in", stereoFrame(0.5f), out);
        parkUntil(start + 110_000_000L);
        node.onInputEnd("in", out);
        assertEquals(1 + 4, out.sent().size(), "slots ending at 40, 60, 80 and 100 ms");
        assertTrue(out.finished());
    }

    @Test
    void emitsSilenceOfTheInitialFormatBeforeTheFirstFrame() throws Exception {
        AudioPacerNode node = new AudioPacerNode(Params.of(Map.of("initial_sample_rate", 16_000, "initial_channels", 1)),
                System.nanoTime() - 100_000_000L);
        node.onPacket("in", stereoFrame(0.5f), out);
        List<AudioFrame> frames = out.packets(AudioFrame.class);
        assertEquals(5 + 1, frames.size(), "100 ms of 20 ms silence, then the frame");
        assertEquals(16_000, frames.get(0).sampleRate());
        assertEquals(1, frames.get(0).channels());
        assertEquals(320, frames.get(0).frameCount());
        assertEquals(0.5f, frames.get(5).samples()[0]);
    }

    @Test
    void noSilenceWhenGenerateSilenceIsOff() throws Exception {
        AudioPacerNode node = pacer(Map.of("generate_silence", false));
        node.onPacket("in", stereoFrame(0.5f), out);
        Thread.sleep(120);
        node.onPacket("in", stereoFrame(0.5f), out);
        node.onInputEnd("in", out);
        assertEquals(2, out.sent().size());
    }

    @Test
    void speedChangeMidStreamAppliesFromNextFrame() throws Exception {
        AudioPacerNode node = pacer(Map.of("generate_silence", false));
        for (int i = 0; i < 5; i++) node.onPacket("in", stereoFrame(0.1f), out);
        node.onControl(ControlMessage.updateParams(Map.of("speed", 4.0)), out);
        for (int i = 0; i < 10; i++) node.onPacket("in", stereoFrame(0.1f), out);
        List<Double> t = out.sendTimesMs();
        double rest = t.get(14) - t.get(5);
        assertTrue(rest > 45 * 0.75 && rest < 45 * 1.25, "nine 20 ms frames at 4x: " + rest + " ms");
        double beforeChange = t.get(5) - t.get(4);
        assertTrue(beforeChange > 15 && beforeChange < 30, "no jump at the change: " + beforeChange + " ms");
    }

    @Test
    void cancellationStopsSleepingPacerWithin100Ms() throws Exception {
        AudioPacerNode node = pacer(Map.of("speed", 0.01));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread feeder = new Thread(() -> {
            try {
                node.onPacket("in", stereoFrame(0.1f), out);
                node.onPacket("in", stereoFrame(0.1f), out);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "audio-pacer-test-feeder");
        feeder.start();
        Thread.sleep(100);
        long cancelledAt = System.nanoTime();
        out.cancel();
        feeder.join(1_000);
        double stopMs = (System.nanoTime() - cancelledAt) / 1e6;
        assertTrue(!feeder.isAlive() && stopMs < 100, "stopped after " + stopMs + " ms");
        assertInstanceOf(CancellationException.class, thrown.get());
    }

    @Test
    void aFrameReleasedMoreThanAFrameLateIsAMissedDeadline() throws Exception {
        AudioPacerNode node = pacer(Map.of("generate_silence", false));
        RecordingOutputs timed = RecordingOutputs.withoutTimers();
        node.onPacket("in", stereoFrame(0.1f), timed);
        node.onPacket("in", stereoFrame(0.1f), timed);
        Thread.sleep(80);
        node.onPacket("in", stereoFrame(0.1f), timed);
        assertTrue(node.missedDeadlines() >= 1, "the frame after the pause was late");
        assertEquals(node.missedDeadlines(), timed.events("pacer.deadline_missed").size());
    }

    @Test
    void silenceThatCoversAGapIsNoMissedDeadline() throws Exception {
        AudioPacerNode node = pacer(Map.of());
        RecordingOutputs timed = RecordingOutputs.withoutTimers();
        node.onPacket("in", stereoFrame(0.1f), timed);
        Thread.sleep(100);
        node.onPacket("in", stereoFrame(0.1f), timed);
        assertTrue(timed.sent().size() > 2, "the gap was filled with silence");
        // Four silence slots went out late; none counts. (A loaded machine may delay the frame itself.)
        assertTrue(node.missedDeadlines() <= 1, node.missedDeadlines() + " missed");
    }

    @Test
    void ignoresInputConnectionMessages() throws Exception {
        AudioPacerNode node = pacer(Map.of());
        node.onControl(new ControlMessage.InputConnected("in"), out);
        node.onControl(new ControlMessage.InputDisconnected("in"), out);
        node.onPacket("in", stereoFrame(0.1f), out);
        assertEquals(1, out.sent().size());
    }

    @Test
    void runsOnItsOwnWorker() {
        assertSame(Node.Invocation.BLOCKING, pacer(Map.of()).invocation());
    }
}
