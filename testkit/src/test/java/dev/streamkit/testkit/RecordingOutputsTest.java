package dev.streamkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.TextPacket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecordingOutputsTest {

    @Test
    void recordsSendsPerPinStampedByTheInjectedClock() {
        AtomicLong clock = new AtomicLong(5_000_000);
        RecordingOutputs out = RecordingOutputs.withClock(clock::get);
        out.send("a", new TextPacket("1", null));
        clock.addAndGet(20_000_000);
        out.send("b", new TextPacket("2", null));
        assertEquals(2, out.sent().size());
        assertEquals(List.of("2"), out.packets("b", TextPacket.class).stream().map(TextPacket::text).toList());
        assertEquals(List.of(0.0, 20.0), out.sendTimesMs());
    }

    @Test
    void keepsTheFirstEndingAndIgnoresSendsAfterIt() {
        RecordingOutputs out = new RecordingOutputs();
        NodeException first = NodeException.invalidMedia("bad header");
        out.fail(first);
        out.finish();
        out.fail(NodeException.runtime("later", null));
        out.send("out", new TextPacket("late", null));
        assertTrue(out.ending().failed());
        assertEquals(first, out.failure());
        assertFalse(out.finished());
        assertTrue(out.sent().isEmpty());
    }

    @Test
    void cancellationMakesSendsThrow() {
        RecordingOutputs out = new RecordingOutputs();
        out.cancel();
        assertTrue(out.isCancelled());
        assertThrows(CancellationException.class, () -> out.send("out", new TextPacket("x", null)));
    }

    @Test
    void timersAreOfferedUnlessTurnedOff() {
        RecordingOutputs with = new RecordingOutputs();
        assertTrue(with.wakeAt(42));
        assertTrue(with.timerPending());
        assertEquals(42, with.takeTimer().getAsLong());
        assertFalse(with.timerPending());

        RecordingOutputs without = RecordingOutputs.withoutTimers();
        assertFalse(without.wakeAt(42));
        assertFalse(without.timerPending());
    }

    @Test
    void recordsStatesTelemetryAndPausedInput() {
        RecordingOutputs out = new RecordingOutputs();
        out.state(NodeState.degraded("slow"));
        out.telemetry(TelemetryEvent.now("audio.level", Map.of("rms", 0.1)));
        out.telemetry(TelemetryEvent.now("other", Map.of()));
        out.pauseInput(true);
        assertEquals(List.of(NodeState.degraded("slow")), out.states());
        assertEquals(1, out.events("audio.level").size());
        assertEquals(2, out.events().size());
        assertTrue(out.inputPaused());
    }
}
