package dev.streamkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.TextPacket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeHarnessTest {

    /** Holds each packet until its timer fires, with its input paused meanwhile; the prefix is tunable. */
    private static final class HoldingNode implements Node {
        private Packet held;
        private String prefix = "";
        final List<String> calls = new ArrayList<>();
        boolean closed;

        @Override
        public void onPacket(String inputPin, Packet packet, Outputs out) {
            calls.add("packet " + ((TextPacket) packet).text());
            held = packet;
            out.pauseInput(true);
            out.wakeAt(System.nanoTime() + 1_000_000_000L);
        }

        @Override
        public void onTimer(Outputs out) {
            out.send("out", text(prefix + ((TextPacket) held).text()));
            held = null;
            out.pauseInput(false);
        }

        @Override
        public void onControl(ControlMessage message, Outputs out) {
            if (message instanceof ControlMessage.UpdateParams update) prefix = update.params().getString("prefix", "");
        }

        @Override
        public void onInputEnd(String inputPin, Outputs out) {
            calls.add("end " + inputPin);
            out.finish();
        }

        @Override
        public void close() {
            if (closed) throw new AssertionError("closed twice");
            closed = true;
        }
    }

    private static TextPacket text(String value) {
        return new TextPacket(value, null);
    }

    private static List<String> texts(RecordingOutputs out, String pin) {
        return out.packets(pin, TextPacket.class).stream().map(TextPacket::text).toList();
    }

    @Test
    void pausedInputKeepsPacketsInTheMailboxUntilATimerTickResumesIt() {
        HoldingNode node = new HoldingNode();
        NodeHarness harness = new NodeHarness(node).feed("in", text("a"), text("b")).endInput("in");
        assertEquals(List.of("packet a"), node.calls, "b and the end wait while the input is paused");
        assertEquals(2, harness.queued());
        assertTrue(harness.outputs().inputPaused());
        assertTrue(harness.outputs().timerPending());

        assertEquals(2, harness.fireTimers(10));
        assertEquals(List.of("a", "b"), texts(harness.outputs(), "out"));
        assertEquals(List.of("packet a", "packet b", "end in"), node.calls);
        assertTrue(harness.outputs().ending().finished());
        assertEquals(0, harness.queued());
    }

    @Test
    void tuningOvertakesQueuedPackets() {
        NodeHarness harness = new NodeHarness(new HoldingNode()).feed("in", text("a"), text("b"));
        harness.tune(java.util.Map.of("prefix", "> "));
        harness.fireTimers(10);
        assertEquals(List.of("> a", "> b"), texts(harness.outputs(), "out"));
    }

    @Test
    void anExceptionFailsTheNodeWithItsMessageAndNothingMoreReachesIt() {
        List<String> seen = new ArrayList<>();
        Node node = new Node() {
            @Override
            public void onPacket(String inputPin, Packet packet, Outputs out) {
                seen.add(((TextPacket) packet).text());
                throw new IllegalStateException("cannot take " + ((TextPacket) packet).text());
            }
        };
        NodeHarness harness = new NodeHarness(node).feed("in", text("x"), text("y")).endInput("in");
        Ending ending = harness.outputs().ending();
        assertTrue(ending.failed(), ending::toString);
        assertEquals("cannot take x", ending.reason());
        assertEquals(NodeException.Cause.RUNTIME, ending.failure().failureCause());
        assertEquals(List.of("x"), seen);
    }

    @Test
    void shutdownFinishesANodeThatIgnoresIt() {
        NodeHarness harness = new NodeHarness(new Node() { });
        assertEquals(Ending.RUNNING, harness.outputs().ending());
        harness.shutdown();
        assertTrue(harness.outputs().ending().finished());
    }

    @Test
    void firingWithoutAPendingTimerDoesNothing() {
        NodeHarness harness = new NodeHarness(new HoldingNode());
        assertFalse(harness.fireTimer());
        assertFalse(harness.fireTimerWhenDue());
        assertEquals(0, harness.fireTimers(3));
    }

    @Test
    void aTimerFarAwayIsRefusedInsteadOfWaitedFor() {
        Node node = new Node() {
            @Override
            public void onPacket(String inputPin, Packet packet, Outputs out) {
                out.wakeAt(System.nanoTime() + NodeHarness.MAX_TIMER_WAIT.toNanos() * 2);
            }
        };
        NodeHarness harness = new NodeHarness(node).feed("in", text("x"));
        assertThrows(IllegalStateException.class, harness::fireTimerWhenDue);
    }

    @Test
    void closesTheNodeOnce() {
        HoldingNode node = new HoldingNode();
        NodeHarness harness = new NodeHarness(node);
        harness.close();
        harness.close();
        assertTrue(node.closed);
    }
}
