package dev.streamkit.nodes.core;

import dev.streamkit.testkit.NodeHarness;
import dev.streamkit.testkit.RecordingOutputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.api.node.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class PacerNodeTest {

    private static final int RATE = 48_000;

    /** {@code count} mono 20 ms frames, frame {@code i} filled with {@code i / 1000}, without duration metadata. */
    private static List<Packet> audioFrames(int count) {
        List<Packet> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] samples = new float[960];
            java.util.Arrays.fill(samples, i / 1000f);
            frames.add(new AudioFrame(RATE, 1, samples, PacketMetadata.NONE));
        }
        return frames;
    }

    private static RecordingOutputs play(PacerNode node, List<Packet> packets) throws Exception {
        RecordingOutputs out = RecordingOutputs.withoutTimers();
        for (Packet p : packets) node.onPacket("in", p, out);
        node.onInputEnd("in", out);
        return out;
    }

    private static PacerNode pacer(Map<String, ?> params) {
        return new PacerNode(Params.of(params));
    }

    @Test
    void withEngineTimersPacketsAreHeldWhileInputIsPausedInsteadOfSleeping() throws Exception {
        PacerNode node = pacer(Map.of());
        NodeHarness engine = new NodeHarness(node);
        RecordingOutputs out = engine.outputs();
        List<Packet> input = audioFrames(25);
        for (Packet p : input) {
            while (out.inputPaused()) engine.fireTimerWhenDue();
            long before = System.nanoTime();
            node.onPacket("in", p, out);
            assertTrue(System.nanoTime() - before < 5_000_000L, "onPacket returned at once");
        }
        while (out.inputPaused()) engine.fireTimerWhenDue();
        assertEquals(input, out.sent().stream().map(s -> s.packet()).toList(), "order and content unchanged");
        double last = out.sendTimesMs().get(24);
        assertTrue(last > 480 * 0.9 && last < 480 * 1.25, "last release at " + last + " ms");
    }

    @Test
    void releasesFiftyTwentyMsFramesInAboutOneSecondAtSpeedOne() throws Exception {
        List<Packet> input = audioFrames(50);
        RecordingOutputs out = play(pacer(Map.of()), input);
        double last = out.sendTimesMs().get(49);
        assertTrue(last > 980 * 0.75 && last < 980 * 1.25, "last release at " + last + " ms");
        assertEquals(input, out.sent().stream().map(s -> s.packet()).toList(), "order and content unchanged");
        assertTrue(out.finished());
    }

    @Test
    void releasesFiftyTwentyMsFramesInAboutHalfASecondAtSpeedTwo() throws Exception {
        RecordingOutputs out = play(pacer(Map.of("speed", 2.0)), audioFrames(50));
        double last = out.sendTimesMs().get(49);
        assertTrue(last > 490 * 0.75 && last < 490 * 1.25, "last release at " + last + " ms");
        assertEquals(50, out.sent().size());
    }

    @Test
    void usesDurationMetadataBeforeAudioLength() throws Exception {
        List<Packet> input = new ArrayList<>();
        for (int i = 0; i < 6; i++) input.add(new TextPacket("t" + i, PacketMetadata.timed(i * 40_000L, 40_000L)));
        RecordingOutputs out = play(pacer(Map.of()), input);
        double last = out.sendTimesMs().get(5);
        assertTrue(last > 200 * 0.75 && last < 200 * 1.25, "last release at " + last + " ms");
    }

    @Test
    void releasesPacketsWithoutDurationImmediately() throws Exception {
        List<Packet> input = new ArrayList<>();
        for (int i = 0; i < 20; i++) input.add(new TextPacket("t" + i, PacketMetadata.NONE));
        RecordingOutputs out = play(pacer(Map.of()), input);
        assertTrue(out.elapsedMs() < 100, "took " + out.elapsedMs() + " ms");
        assertEquals(20, out.sent().size());
    }

    @Test
    void burstPacketsGoOutAtTenTimesSpeed() throws Exception {
        List<Packet> input = new ArrayList<>();
        for (int i = 0; i < 7; i++) input.add(new TextPacket("t" + i, PacketMetadata.timed(i * 100_000L, 100_000L)));
        RecordingOutputs out = play(pacer(Map.of("initial_burst_packets", 5)), input);
        List<Double> t = out.sendTimesMs();
        assertTrue(t.get(5) < 100, "five 100 ms burst packets should take ~50 ms, 6th sent at " + t.get(5));
        double sixthToSeventh = t.get(6) - t.get(5);
        assertTrue(sixthToSeventh > 75 && sixthToSeventh < 125, "after the burst: " + sixthToSeventh + " ms");
    }

    @Test
    void burstResetsAfterInputGapLongerThan300Ms() throws Exception {
        PacerNode node = pacer(Map.of("initial_burst_packets", 2));
        RecordingOutputs out = RecordingOutputs.withoutTimers();
        PacketMetadata fifthOfASecond = PacketMetadata.timed(0, 200_000L);
        for (int i = 0; i < 3; i++) node.onPacket("in", new TextPacket("a" + i, fifthOfASecond), out);
        Thread.sleep(350);
        double resumed = out.elapsedMs();
        for (int i = 0; i < 3; i++) node.onPacket("in", new TextPacket("b" + i, fifthOfASecond), out);
        double thirdAfterGap = out.sendTimesMs().get(5) - resumed;
        assertTrue(thirdAfterGap < 120, "a new burst of 2 x 200 ms should take ~40 ms (~250 ms without), took " + thirdAfterGap);
    }

    @Test
    void speedChangeMidStreamAppliesFromNextPacketWithoutJump() throws Exception {
        PacerNode node = pacer(Map.of());
        RecordingOutputs out = RecordingOutputs.withoutTimers();
        List<Packet> input = audioFrames(20);
        for (int i = 0; i < 10; i++) node.onPacket("in", input.get(i), out);
        node.onControl(ControlMessage.updateParams(Map.of("speed", 4.0)), out);
        for (int i = 10; i < 20; i++) node.onPacket("in", input.get(i), out);
        List<Double> t = out.sendTimesMs();
        double firstAfterChange = t.get(10) - t.get(9);
        assertTrue(firstAfterChange > 15 && firstAfterChange < 30,
                "packet 9 still plays its 20 ms at the old speed, got " + firstAfterChange);
        double rest = t.get(19) - t.get(10);
        assertTrue(rest > 45 * 0.75 && rest < 45 * 1.25, "nine 20 ms packets at 4x: " + rest + " ms");
    }

    @Test
    void cancellationStopsSleepingPacerWithin100Ms() throws Exception {
        PacerNode node = pacer(Map.of());
        RecordingOutputs out = RecordingOutputs.withoutTimers();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread feeder = new Thread(() -> {
            try {
                node.onPacket("in", new TextPacket("long", PacketMetadata.timed(0, 5_000_000L)), out);
                node.onPacket("in", new TextPacket("next", PacketMetadata.timed(5_000_000L, 1_000L)), out);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "pacer-test-feeder");
        feeder.start();
        Thread.sleep(100);
        long cancelledAt = System.nanoTime();
        out.cancel();
        feeder.join(1_000);
        double stopMs = (System.nanoTime() - cancelledAt) / 1e6;
        assertTrue(!feeder.isAlive() && stopMs < 100, "stopped after " + stopMs + " ms");
        assertInstanceOf(CancellationException.class, thrown.get());
        assertEquals(1, out.sent().size());
    }

    @Test
    void shutdownFinishesAndIgnoresLaterPackets() throws Exception {
        PacerNode node = pacer(Map.of());
        RecordingOutputs out = RecordingOutputs.withoutTimers();
        node.onControl(new ControlMessage.Shutdown(), out);
        node.onPacket("in", new TextPacket("late", PacketMetadata.NONE), out);
        assertTrue(out.finished());
        assertTrue(out.sent().isEmpty());
    }

    @Test
    void aPacketArrivingLaterThanItsSlotIsAMissedDeadline() throws Exception {
        PacerNode node = pacer(Map.of());
        RecordingOutputs out = RecordingOutputs.withoutTimers();
        List<Packet> frames = audioFrames(3);
        node.onPacket("in", frames.get(0), out);
        node.onPacket("in", frames.get(1), out);
        Thread.sleep(80);
        node.onPacket("in", frames.get(2), out);
        // At least the frame after the pause; a loaded machine may add a late wake-up of its own.
        assertTrue(node.missedDeadlines() >= 1);
        List<TelemetryEvent> events = out.events("pacer.deadline_missed");
        TelemetryEvent last = events.get(events.size() - 1);
        assertTrue((double) last.data().get("late_ms") > 20, "late by " + last.data().get("late_ms") + " ms");
        assertEquals(node.missedDeadlines(), last.data().get("missed_total"));
        assertEquals(3, out.sent().size());
    }

    @Test
    void ignoresInputConnectionMessages() throws Exception {
        PacerNode node = pacer(Map.of());
        RecordingOutputs out = RecordingOutputs.withoutTimers();
        node.onControl(new ControlMessage.InputConnected("in"), out);
        node.onControl(new ControlMessage.InputDisconnected("in"), out);
        node.onPacket("in", new TextPacket("still works", PacketMetadata.NONE), out);
        assertEquals(1, out.sent().size());
        assertFalse(out.finished());
    }

    @Test
    void runsOnItsOwnWorker() {
        assertSame(Node.Invocation.BLOCKING, pacer(Map.of()).invocation());
    }
}
