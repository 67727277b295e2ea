package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.testkit.RecordingOutputs;
import org.junit.jupiter.api.Test;

class SinkNodeTest {

    @Test
    void discardsPacketsAndFinishesAtEndOfInput() throws Exception {
        var node = new SinkNode();
        var out = new RecordingOutputs();

        node.onPacket("in", new TextPacket("dropped", null), out);
        node.onPacket("in", BinaryPacket.of(new byte[] {1, 2, 3}), out);
        assertTrue(out.sent().isEmpty());
        assertFalse(out.finished());

        node.onInputEnd("in", out);
        assertTrue(out.finished());
        assertNull(out.failure());
    }
}
