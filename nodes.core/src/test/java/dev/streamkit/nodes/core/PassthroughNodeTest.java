package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.testkit.RecordingOutputs;
import org.junit.jupiter.api.Test;

class PassthroughNodeTest {

    @Test
    void forwardsPacketsUnchangedInOrder() throws Exception {
        var node = new PassthroughNode();
        var out = new RecordingOutputs();
        var text = new TextPacket("hello", PacketMetadata.timed(0, 20_000));
        var audio = new AudioFrame(48_000, 1, new float[] {0.5f, -0.5f}, PacketMetadata.NONE);

        node.onPacket("in", text, out);
        node.onPacket("in", audio, out);

        assertEquals(2, out.sent().size());
        assertEquals("out", out.sent().get(0).pin());
        assertSame(text, out.sent().get(0).packet());
        assertSame(audio, out.sent().get(1).packet());
    }

    @Test
    void finishesAtEndOfInput() throws Exception {
        var out = new RecordingOutputs();
        new PassthroughNode().onInputEnd("in", out);
        assertTrue(out.finished());
    }

    @Test
    void runsInline() {
        assertEquals(Node.Invocation.NON_BLOCKING, new PassthroughNode().invocation());
    }
}
